namespace Designer.Inference.Onnx;

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
