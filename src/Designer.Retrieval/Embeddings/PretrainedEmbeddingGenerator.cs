using Designer.Inference.Serving;
using Designer.Inference.Text;
using Microsoft.Extensions.AI;

namespace Designer.Retrieval.Embeddings;

/// <summary>
/// Runs a registered pretrained BERT-family model (all-MiniLM-L6-v2, snowflake-arctic-embed-xs): WordPiece in C#, then
/// the model's <see cref="DynamicBatcher"/> (shared session, CPU or CUDA) in small length-sorted chunks, so a batch pads
/// to similar lengths and no request waits long enough behind others to time out. One instance embeds either queries
/// or documents, because asymmetric models prefix them differently.
/// </summary>
public sealed class PretrainedEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The key of <see cref="Embedding.AdditionalProperties"/> set (true) on an embedding of a truncated input.</summary>
    public const string TruncatedKey = "truncated";

    /// <summary>Rows per batcher request: a transformer batch costs far more than an LSA one.</summary>
    public const int ChunkSize = 8;

    private const int ChunksInFlight = 2;

    // A transformer batch takes ~0.1–1 s on two free cores and several times that on a busy machine; the interactive
    // 2 s default of the batcher would fail ingestion jobs under load. The caller's token still cancels at once.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(2);

    private readonly WordPieceEncoder _encoder;
    private readonly DynamicBatcher _batcher;
    private readonly bool _isQuery;
    private readonly string _modelKey;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the generator.</summary>
    /// <param name="encoder">The model's tokenizer front end.</param>
    /// <param name="batcher">The loaded model's batcher.</param>
    /// <param name="model">The model id.</param>
    /// <param name="version">The model version.</param>
    /// <param name="dimensions">The embedding length.</param>
    /// <param name="isQuery">Whether inputs are queries (query prefix) or documents.</param>
    /// <param name="timeProvider">Stamps <see cref="Embedding.CreatedAt"/>.</param>
    public PretrainedEmbeddingGenerator(
        WordPieceEncoder encoder, DynamicBatcher batcher, string model, int version, int dimensions, bool isQuery, TimeProvider timeProvider)
    {
        _encoder = encoder ?? throw new ArgumentNullException(nameof(encoder));
        _batcher = batcher ?? throw new ArgumentNullException(nameof(batcher));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _isQuery = isQuery;
        _modelKey = $"{model}@{version}";
        _metadata = new EmbeddingGeneratorMetadata("designer-onnx", null, _modelKey, dimensions);
    }

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToList();
        var rows = new float[texts.Count][];
        var truncated = new List<int>();
        var tokens = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(texts[i]))
            {
                // [CLS][SEP] alone gives a vector that looks like any other: refuse rather than return it silently.
                throw new ArgumentException($"Input {i} is empty; an embedding of no text is meaningless.", nameof(values));
            }

            rows[i] = _encoder.EncodeRow(texts[i], _isQuery, out var cut);
            tokens += (int)rows[i][0];
            if (cut)
            {
                truncated.Add(i);
            }
        }

        var order = Enumerable.Range(0, texts.Count).OrderBy(i => rows[i][0]).ToArray();
        var vectors = new float[texts.Count][];
        foreach (var window in order.Chunk(ChunkSize).Chunk(ChunksInFlight))
        {
            await Task.WhenAll(window.Select(async chunk =>
            {
                var output = await _batcher.InferAsync([.. chunk.Select(i => rows[i])], RequestTimeout, cancellationToken);
                for (var j = 0; j < chunk.Length; j++)
                {
                    vectors[chunk[j]] = output[j];
                }
            }));
        }

        var created = _timeProvider.GetUtcNow();
        var result = OnnxEmbeddings.Result(vectors, _modelKey, created, tokens);

        // On the embedding itself, so the report survives the cache in front of this generator.
        foreach (var index in truncated)
        {
            result[index].AdditionalProperties = new AdditionalPropertiesDictionary { [TruncatedKey] = true };
        }

        return result;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) => OnnxEmbeddings.Service(this, _metadata, serviceType, serviceKey);

    /// <inheritdoc />
    public void Dispose()
    {
        // The batcher belongs to the session pool, which disposes it.
    }
}
