using Designer.Inference.Serving;
using Designer.Inference.Text;
using Microsoft.Extensions.AI;

namespace Designer.Retrieval.Embeddings;

/// <summary>
/// Runs a project-trained term-projection (LSA) model: texts are tokenised and counted in C#, and the counts go
/// through the model's <see cref="DynamicBatcher"/> (ONNX Runtime, shared session, dynamic batching) in chunks.
/// </summary>
public sealed class TermProjectionEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Rows per batcher request.</summary>
    public const int ChunkSize = 32;

    // Enough requests in flight to fill the batcher without timing out behind a long queue.
    private const int ChunksInFlight = 8;

    private readonly TermCountEncoder _encoder;
    private readonly DynamicBatcher _batcher;
    private readonly string _modelKey;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the generator.</summary>
    /// <param name="encoder">The model's vocabulary.</param>
    /// <param name="batcher">The loaded model's batcher.</param>
    /// <param name="model">The model id.</param>
    /// <param name="version">The model version.</param>
    /// <param name="dimensions">The embedding length.</param>
    /// <param name="timeProvider">Stamps <see cref="Embedding.CreatedAt"/>.</param>
    public TermProjectionEmbeddingGenerator(TermCountEncoder encoder, DynamicBatcher batcher, string model, int version, int dimensions, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _encoder = encoder ?? throw new ArgumentNullException(nameof(encoder));
        _batcher = batcher ?? throw new ArgumentNullException(nameof(batcher));
        _modelKey = $"{model}@{version}";
        _metadata = new EmbeddingGeneratorMetadata("designer-onnx", null, _modelKey, dimensions);
    }

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToList();
        var vectors = new float[texts.Count][];
        var tokens = 0;
        var chunks = Enumerable.Range(0, (texts.Count + ChunkSize - 1) / ChunkSize).ToList();
        foreach (var window in chunks.Chunk(ChunksInFlight))
        {
            await Task.WhenAll(window.Select(async chunk =>
            {
                var start = chunk * ChunkSize;
                var count = Math.Min(ChunkSize, texts.Count - start);
                var rows = new float[count][];
                for (var i = 0; i < count; i++)
                {
                    rows[i] = _encoder.Encode(texts[start + i], out var used);
                    Interlocked.Add(ref tokens, used);
                }

                var output = await _batcher.InferAsync(rows, cancellationToken);
                output.CopyTo(vectors, start);
            }));
        }

        var created = _timeProvider.GetUtcNow();
        return OnnxEmbeddings.Result(vectors, _modelKey, created, tokens);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) => OnnxEmbeddings.Service(this, _metadata, serviceType, serviceKey);

    /// <inheritdoc />
    public void Dispose()
    {
        // The batcher belongs to the session pool, which disposes it.
    }
}
