namespace Designer.Inference.Onnx;

/// <summary>A constant tensor stored in the graph (ONNX <c>TensorProto</c> as an initializer, raw little-endian data).</summary>
/// <param name="Name">Tensor name.</param>
/// <param name="Dims">Tensor shape, outermost first.</param>
/// <param name="RawData">Little-endian element bytes.</param>
public sealed record OnnxInitializer(string Name, IReadOnlyList<long> Dims, OnnxElementType ElementType, ReadOnlyMemory<byte> RawData);
