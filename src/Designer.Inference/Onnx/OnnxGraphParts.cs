namespace Designer.Inference.Onnx;

/// <summary>A graph input or output (ONNX <c>ValueInfoProto</c> with a tensor type).</summary>
/// <param name="Name">Tensor name.</param>
/// <param name="Shape">Shape; use <see cref="OnnxDimension.Batch"/> for the dynamic batch dimension.</param>
public sealed record OnnxValueInfo(string Name, OnnxElementType ElementType, IReadOnlyList<OnnxDimension> Shape);

/// <summary>A constant tensor stored in the graph (ONNX <c>TensorProto</c> as an initializer, raw little-endian data).</summary>
/// <param name="Name">Tensor name.</param>
/// <param name="Dims">Tensor shape, outermost first.</param>
/// <param name="RawData">Little-endian element bytes.</param>
public sealed record OnnxInitializer(string Name, IReadOnlyList<long> Dims, OnnxElementType ElementType, ReadOnlyMemory<byte> RawData);

/// <summary>An operator invocation (ONNX <c>NodeProto</c> in the default domain).</summary>
/// <param name="OpType">Operator, e.g. <c>MatMul</c>.</param>
/// <param name="Inputs">Input tensor names.</param>
/// <param name="Outputs">Output tensor names.</param>
/// <param name="Attributes">Operator settings (e.g. <c>axis</c>) by name.</param>
public sealed record OnnxNode(
    string OpType,
    string Name,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyList<OnnxAttribute> Attributes);
