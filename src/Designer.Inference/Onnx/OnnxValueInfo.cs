namespace Designer.Inference.Onnx;

/// <summary>A graph input or output (ONNX <c>ValueInfoProto</c> with a tensor type).</summary>
/// <param name="Name">Tensor name.</param>
/// <param name="Shape">Shape; use <see cref="OnnxDimension.Batch"/> for the dynamic batch dimension.</param>
public sealed record OnnxValueInfo(string Name, OnnxElementType ElementType, IReadOnlyList<OnnxDimension> Shape);
