namespace Designer.Inference.Serving;

/// <summary>The execution provider chosen for a model, and why.</summary>
/// <param name="Provider">ONNX Runtime provider name, e.g. <c>CUDAExecutionProvider</c> or <c>CPUExecutionProvider</c>.</param>
/// <param name="Reason">Human-readable reason, reported by the API and logged.</param>
public sealed record ProviderChoice(string Provider, string Reason)
{
    /// <summary>ONNX Runtime's name of the CUDA provider.</summary>
    public const string Cuda = "CUDAExecutionProvider";

    /// <summary>ONNX Runtime's name of the CPU provider.</summary>
    public const string Cpu = "CPUExecutionProvider";
}
