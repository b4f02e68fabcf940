using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace Designer.Retrieval.Embeddings;

/// <summary>
/// Embeds text with a BERT-family sentence-transformer in ONNX (all-MiniLM-L6-v2, bge-small, …) on ONNX Runtime:
/// WordPiece tokenisation (Microsoft.ML.Tokenizers), truncation to <see cref="OnnxSentenceEmbeddingOptions.MaxLength"/>,
/// batches padded to their longest text, mean or CLS pooling and L2 normalisation.
/// </summary>
public sealed class OnnxSentenceEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly OnnxSentenceEmbeddingOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly BertTokenizer _tokenizer;
    private readonly InferenceSession _session;
    private readonly bool _needsTokenTypes;
    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>Loads the vocabulary and the model.</summary>
    /// <param name="options">Model and tokenizer settings.</param>
    /// <param name="timeProvider">Stamps <see cref="Embedding.CreatedAt"/>; <see cref="TimeProvider.System"/> when null.</param>
    public OnnxSentenceEmbeddingGenerator(OnnxSentenceEmbeddingOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ModelPath, nameof(options));
        ArgumentException.ThrowIfNullOrEmpty(options.VocabularyPath, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLength, 2, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _tokenizer = BertTokenizer.Create(options.VocabularyPath, new BertOptions { LowerCaseBeforeTokenization = options.LowerCase });
        _session = new InferenceSession(options.ModelPath);
        _needsTokenTypes = _session.InputMetadata.ContainsKey("token_type_ids");
        var output = _session.OutputMetadata.TryGetValue(options.OutputName, out var metadata)
            ? metadata
            : throw new ArgumentException($"The model has no output '{options.OutputName}'; it has {string.Join(", ", _session.OutputMetadata.Keys)}.", nameof(options));
        Dimension = output.Dimensions.Length == 3 && output.Dimensions[2] > 0 ? output.Dimensions[2] : null;
        _metadata = new EmbeddingGeneratorMetadata("onnxruntime", new Uri(Path.GetFullPath(options.ModelPath)), $"{options.ModelId}@{options.ModelVersion}", Dimension);
    }

    /// <summary>The embedding size, when the model declares it statically.</summary>
    public int? Dimension { get; }

    /// <summary>The cache identity of this model: <c>id@version</c>.</summary>
    public string ModelKey => _metadata.DefaultModelId!;

    /// <summary>Token ids for one text: [CLS] pieces… [SEP], truncated to the maximum length (keeping [SEP] last).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The ids.</returns>
    public IReadOnlyList<int> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = _tokenizer.EncodeToIds(text, addSpecialTokens: true);
        if (ids.Count <= _options.MaxLength)
        {
            return ids;
        }

        var truncated = new int[_options.MaxLength];
        for (var i = 0; i < truncated.Length - 1; i++)
        {
            truncated[i] = ids[i];
        }

        truncated[^1] = _tokenizer.SeparatorTokenId;
        return truncated;
    }

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToList();
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        var created = _timeProvider.GetUtcNow();
        foreach (var batch in texts.Chunk(_options.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var vector in EmbedBatch(batch))
            {
                result.Add(new Embedding<float>(vector) { ModelId = ModelKey, CreatedAt = created });
            }
        }

        // ONNX Runtime runs synchronously on the calling thread; callers that must not block wrap the call.
        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose() => _session.Dispose();

    private List<float[]> EmbedBatch(string[] batch)
    {
        var tokenised = batch.Select(Tokenize).ToList();
        var sequence = tokenised.Max(t => t.Count);
        var ids = new long[batch.Length * sequence];
        var mask = new long[ids.Length];
        Array.Fill(ids, _tokenizer.PaddingTokenId);
        for (var row = 0; row < tokenised.Count; row++)
        {
            for (var t = 0; t < tokenised[row].Count; t++)
            {
                ids[(row * sequence) + t] = tokenised[row][t];
                mask[(row * sequence) + t] = 1;
            }
        }

        long[] shape = [batch.Length, sequence];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
        var inputs = new Dictionary<string, OrtValue> { ["input_ids"] = idsValue, ["attention_mask"] = maskValue };
        if (_needsTokenTypes)
        {
            inputs["token_type_ids"] = typesValue;
        }

        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, inputs, [_options.OutputName]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var size = (int)outputs[0].GetTensorTypeAndShape().Shape[2];
        var vectors = new List<float[]>(batch.Length);
        for (var row = 0; row < batch.Length; row++)
        {
            vectors.Add(SentencePooling.Pool(hidden, row, sequence, size, mask, _options.Pooling, _options.Normalize));
        }

        return vectors;
    }
}
