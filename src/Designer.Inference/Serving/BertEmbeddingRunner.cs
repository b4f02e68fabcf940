using Designer.Inference.Registry;
using Designer.Inference.Text;
using Microsoft.ML.OnnxRuntime;

namespace Designer.Inference.Serving;

/// <summary>
/// Runs a BERT-family sentence-embedding model (int64 <c>input_ids</c>, <c>attention_mask</c> and, when declared,
/// <c>token_type_ids</c> → <c>last_hidden_state</c>) behind the <see cref="DynamicBatcher"/>: each input row is a
/// <see cref="WordPieceEncoder"/> row <c>[count, ids…]</c>; a batch is padded to its longest text only, run once,
/// pooled (mean or CLS) and L2-normalised, so each output row is the sentence vector.
/// </summary>
public sealed class BertEmbeddingRunner : IModelRunner
{
    private readonly InferenceSession _session;
    private readonly TextEncoderSpec _spec;
    private readonly bool _needsTokenTypes;
    private readonly bool _normalize;

    /// <summary>Loads the model with the provider chosen by <paramref name="selector"/>.</summary>
    /// <param name="model">ONNX bytes (already integrity-checked).</param>
    /// <param name="spec">The text front end (window, pooling, output name).</param>
    /// <param name="selector">Execution provider selection.</param>
    /// <param name="normalize">Whether sentence vectors are L2-normalised (every registered model; a bring-your-own one may opt out).</param>
    public BertEmbeddingRunner(byte[] model, TextEncoderSpec spec, ExecutionProviderSelector selector, bool normalize = true)
    {
        _normalize = normalize;
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(selector);
        _spec = spec ?? throw new ArgumentNullException(nameof(spec));
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        Provider = selector.Configure(options);
        _session = new InferenceSession(model, options);
        if (!_session.InputMetadata.ContainsKey("input_ids") || !_session.InputMetadata.ContainsKey("attention_mask")
            || !_session.OutputMetadata.TryGetValue(spec.OutputName, out var output) || output.Dimensions.Length != 3)
        {
            _session.Dispose();
            throw new NotSupportedException(
                $"A BERT-family model needs inputs input_ids and attention_mask and a rank-3 output '{spec.OutputName}'.");
        }

        _needsTokenTypes = _session.InputMetadata.ContainsKey("token_type_ids");
        Dimensions = output.Dimensions[2];
    }

    /// <inheritdoc />
    public ProviderChoice Provider { get; }

    /// <summary>The embedding length (hidden size), or -1 when the model does not declare it.</summary>
    public int Dimensions { get; }

    /// <inheritdoc />
    public int InputWidth => _spec.MaxTokens + 1;

    /// <inheritdoc />
    public BatchOutput Execute(float[] input, int rows)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (rows == 0)
        {
            return new BatchOutput([], Dimensions);
        }

        var sequence = 1;
        for (var row = 0; row < rows; row++)
        {
            sequence = Math.Max(sequence, (int)input[row * InputWidth]);
        }

        var ids = new long[rows * sequence];
        var mask = new long[ids.Length];
        for (var row = 0; row < rows; row++)
        {
            var start = row * InputWidth;
            var count = (int)input[start];
            for (var t = 0; t < count; t++)
            {
                ids[(row * sequence) + t] = (long)input[start + 1 + t];
                mask[(row * sequence) + t] = 1;
            }
        }

        long[] shape = [rows, sequence];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
        var inputs = new Dictionary<string, OrtValue> { ["input_ids"] = idsValue, ["attention_mask"] = maskValue };
        if (_needsTokenTypes)
        {
            inputs["token_type_ids"] = typesValue;
        }

        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, inputs, [_spec.OutputName]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var size = (int)outputs[0].GetTensorTypeAndShape().Shape[2];
        var values = new float[rows * size];
        for (var row = 0; row < rows; row++)
        {
            TokenPoolingMath.Pool(hidden, row, sequence, size, mask, _spec.Pooling, _normalize).CopyTo(values, row * size);
        }

        return new BatchOutput(values, size);
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
