using System.Text.Json.Nodes;
using Designer.Persistence;

namespace Designer.Retrieval.Collections;

/// <summary>What a new collection is made of; absent values take the configured defaults.</summary>
/// <param name="Name">Lower-case letters, digits, '-' and '_', 1–64 characters, starting with a letter or digit.</param>
/// <param name="EmbeddingModel">Embedding model; the catalog's default model when absent.</param>
/// <param name="EmbeddingVersion">Model version; the newest usable one when absent.</param>
/// <param name="Backend">embedded, pgvector or qdrant; the configured backend when absent.</param>
/// <param name="ChunkSize">Chunk length in characters (64–8,000).</param>
/// <param name="ChunkOverlap">Characters consecutive chunks share (0 to less than half the chunk size).</param>
/// <param name="HybridDenseWeight">The dense weight of this collection's hybrid searches in [0, 1]; the model's default when absent.</param>
public sealed record CreateCollection(
    string Name,
    string? Description = null,
    string? EmbeddingModel = null,
    int? EmbeddingVersion = null,
    string? Backend = null,
    int? ChunkSize = null,
    int? ChunkOverlap = null,
    double? HybridDenseWeight = null);

/// <summary>One document to ingest.</summary>
/// <param name="Id">Caller's id, unique within the collection (adding it again replaces it).</param>
/// <param name="Text">The document text that is chunked and embedded.</param>
/// <param name="Metadata">Filterable metadata copied into every chunk's payload.</param>
public sealed record DocumentInput(string Id, string Text, JsonObject? Metadata);

/// <summary>A search over one collection.</summary>
/// <param name="Query">The query text.</param>
/// <param name="TopK">Hits wanted (1–100).</param>
/// <param name="Mode">dense, lexical, hybrid (weighted score fusion) or rrf (reciprocal rank fusion).</param>
/// <param name="MinScore">Hits below this score are dropped.</param>
/// <param name="Filter">Payload filter JSON (see <see cref="CollectionFilterJson"/>).</param>
/// <param name="DenseWeight">The dense weight of hybrid in [0, 1]; when null the collection's, else the model's, else <c>Designer:Retrieval:HybridDenseWeight</c>.</param>
public sealed record CollectionQuery(
    string Query, int TopK = 5, string Mode = "hybrid", double? MinScore = null, JsonObject? Filter = null, double? DenseWeight = null);

/// <summary>One hit: a chunk of a document.</summary>
/// <param name="Chunk">The chunk's position in the document, from 0.</param>
/// <param name="Score">The score (its scale depends on the mode).</param>
/// <param name="Text">The chunk text.</param>
/// <param name="Metadata">The document's metadata.</param>
public sealed record CollectionHit(string DocumentId, int Chunk, double Score, string? Text, JsonObject Metadata);

/// <summary>A job with its progress figures.</summary>
/// <param name="Job">The stored job.</param>
/// <param name="Collection">The collection name.</param>
/// <param name="RatePerSecond">Documents per second since the current attempt started, once measurable.</param>
/// <param name="Eta">Estimated time to finish, while running and measurable.</param>
public sealed record CollectionJobProgress(CollectionJobRecord Job, string Collection, double? RatePerSecond, TimeSpan? Eta)
{
    /// <summary>Computes the rate and ETA of <paramref name="job"/> at <paramref name="now"/>.</summary>
    /// <param name="collection">The collection name.</param>
    /// <param name="now">The current time.</param>
    public static CollectionJobProgress From(CollectionJobRecord job, string collection, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(job);
        var end = job.EndedAt ?? now;
        var elapsed = job.StartedAt is { } started ? (end - started).TotalSeconds : 0;
        var processed = job.Done - job.DoneAtStart;
        double? rate = elapsed > 0.001 && processed > 0 ? processed / elapsed : null;
        TimeSpan? eta = job.Status == CollectionJobStatus.Running && rate is { } r
            ? TimeSpan.FromSeconds(Math.Max(0, job.Total - job.Done) / r)
            : null;
        return new CollectionJobProgress(job, collection, rate, eta);
    }
}
