namespace Designer.Inference.Registry;

/// <summary>Name, element type and shape of a model input or output, as ONNX Runtime reports it.</summary>
/// <param name="ElementType">Element type, e.g. <c>Float</c>.</param>
/// <param name="Dimensions">Shape; -1 marks a dynamic dimension such as the batch.</param>
public sealed record TensorInfo(string Name, string ElementType, IReadOnlyList<long> Dimensions);
