using Designer.Retrieval.Collections;

namespace Designer.Web.Collections;

/// <summary>The body of <c>POST /api/collections</c>; absent values take the configured defaults.</summary>
/// <param name="Name">Lower-case letters, digits, '-' and '_', 1–64 characters (required).</param>
/// <param name="EmbeddingModel">Embedding model; the catalog's default when absent.</param>
/// <param name="EmbeddingVersion">Model version; the newest usable one when absent.</param>
/// <param name="Backend">embedded, pgvector or qdrant; the configured backend when absent.</param>
/// <param name="ChunkSize">Chunk length in characters.</param>
/// <param name="ChunkOverlap">Characters consecutive chunks share.</param>
/// <param name="HybridDenseWeight">The dense weight of hybrid searches in [0, 1].</param>
internal sealed record CreateCollectionRequest(
    string? Name,
    string? Description = null,
    string? EmbeddingModel = null,
    int? EmbeddingVersion = null,
    string? Backend = null,
    int? ChunkSize = null,
    int? ChunkOverlap = null,
    double? HybridDenseWeight = null)
{
    /// <summary>What the request itself lacks; the collection service checks the values (ranges, backends, models).</summary>
    public IEnumerable<OperationProblem> Validate()
    {
        if (Name is null)
        {
            yield return CollectionProblems.Of("name", "Required.");
        }
    }

    public CreateCollection ToCreate() =>
        new(Name ?? string.Empty, Description, EmbeddingModel, EmbeddingVersion, Backend, ChunkSize, ChunkOverlap, HybridDenseWeight);
}
