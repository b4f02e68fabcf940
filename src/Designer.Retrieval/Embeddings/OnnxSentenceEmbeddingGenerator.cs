using Designer.Inference.Registry;
using Designer.Inference.Serving;
using Designer.Inference.Text;
using Microsoft.Extensions.AI;

namespace Designer.Retrieval.Embeddings;

/// <summary>
/// Embeds text with a bring-your-own BERT-family sentence-transformer in ONNX (all-MiniLM-L6-v2, bge-small, …): the
/// same front end and runner as the registered pretrained models — <see cref="WordPieceEncoder"/> (Microsoft.ML.Tokenizers
/// with Hugging Face's punctuation split and accent stripping), truncation to
/// <see cref="OnnxSentenceEmbeddingOptions.MaxLength"/>, then <see cref="BertEmbeddingRunner"/> (batches padded to
/// their longest text, mean or CLS pooling, L2 normalisation) — without the registry and the batcher.
/// </summary>
public sealed class OnnxSentenceEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly OnnxSentenceEmbeddingOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly WordPieceEncoder _encoder;
    private readonly BertEmbeddingRunner _runner;
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
        var spec = new TextEncoderSpec
        {
            LowerCase = options.LowerCase,
            MaxTokens = options.MaxLength,
            Pooling = options.Pooling == EmbeddingPooling.Cls ? TokenPooling.Cls : TokenPooling.Mean,
            OutputName = options.OutputName,
        };
        _encoder = new WordPieceEncoder(spec, File.ReadAllBytes(options.VocabularyPath));
        try
        {
            _runner = new BertEmbeddingRunner(File.ReadAllBytes(options.ModelPath), spec, new ExecutionProviderSelector(preferCuda: false, cudaDeviceId: 0), options.Normalize);
        }
        catch (NotSupportedException ex)
        {
            throw new ArgumentException($"The model at '{options.ModelPath}' cannot be used: {ex.Message}", nameof(options), ex);
        }

        Dimension = _runner.Dimensions > 0 ? _runner.Dimensions : null;
        _metadata = new EmbeddingGeneratorMetadata("onnxruntime", new Uri(Path.GetFullPath(options.ModelPath)), $"{options.ModelId}@{options.ModelVersion}", Dimension);
    }

    /// <summary>The embedding size, when the model declares it statically.</summary>
    public int? Dimension { get; }

    /// <summary>The cache identity of this model: <c>id@version</c>.</summary>
    public string ModelKey => _metadata.DefaultModelId!;

    /// <summary>Token ids for one text: [CLS] pieces… [SEP], truncated to the maximum length (keeping [SEP] last).</summary>
    public IReadOnlyList<int> Tokenize(string text) => _encoder.Tokenize(text, out _);

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
            var input = new float[batch.Length * _encoder.RowWidth];
            var truncated = new bool[batch.Length];
            for (var row = 0; row < batch.Length; row++)
            {
                _encoder.EncodeRow(batch[row], isQuery: false, out truncated[row]).CopyTo(input, row * _encoder.RowWidth);
            }

            var output = _runner.Execute(input, batch.Length);
            for (var row = 0; row < batch.Length; row++)
            {
                var embedding = new Embedding<float>(output.Values.AsSpan(row * output.Width, output.Width).ToArray()) { ModelId = ModelKey, CreatedAt = created };
                if (truncated[row])
                {
                    // As for the registered models: a cut text is reported, never silently embedded in part.
                    embedding.AdditionalProperties = new AdditionalPropertiesDictionary { [PretrainedEmbeddingGenerator.TruncatedKey] = true };
                }

                result.Add(embedding);
            }
        }

        // ONNX Runtime runs synchronously on the calling thread; callers that must not block wrap the call.
        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) => OnnxEmbeddings.Service(this, _metadata, serviceType, serviceKey);

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose() => _runner.Dispose();
}
