using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Designer.Inference.Serving;

/// <summary>
/// One ONNX Runtime session for one model version, running [batch, features] float input to its first output.
/// A single session is shared by every caller: <c>InferenceSession.Run</c> is thread-safe, and extra sessions
/// would only duplicate weights while competing for the same intra-op threads.
/// </summary>
public sealed class OnnxModelRunner : IModelRunner
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    /// <summary>Loads <paramref name="model"/> with the provider chosen by <paramref name="selector"/>.</summary>
    /// <param name="model">ONNX bytes (already integrity-checked).</param>
    /// <param name="selector">Execution provider selection.</param>
    /// <param name="outputName">Output to serve, or null for the first.</param>
    public OnnxModelRunner(byte[] model, ExecutionProviderSelector selector, string? outputName = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(selector);
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        Provider = selector.Configure(options);
        _session = new InferenceSession(model, options);
        var input = _session.InputMetadata.First();
        if (input.Value.ElementDataType != TensorElementType.Float || input.Value.Dimensions.Length != 2 || input.Value.Dimensions[1] <= 0)
        {
            _session.Dispose();
            throw new NotSupportedException($"Input '{input.Key}' must be float [batch, features]; rank-2 float models only.");
        }

        InputWidth = input.Value.Dimensions[1];
        _inputNames = [input.Key];
        _outputNames = [outputName ?? _session.OutputNames[0]];
    }

    /// <summary>The execution provider serving this model, and why.</summary>
    public ProviderChoice Provider { get; }

    /// <inheritdoc />
    public int InputWidth { get; }

    /// <inheritdoc />
    public BatchOutput Execute(float[] input, int rows)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var tensor = OrtValue.CreateTensorValueFromMemory(input, [rows, InputWidth]);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, _inputNames, [tensor], _outputNames);
        var values = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        return new BatchOutput(values, rows == 0 ? 0 : values.Length / rows);
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
