namespace Designer.Runtime.Retrieval;

/// <summary>Searches a document collection; implemented by the retrieval module (embedded, pgvector, Qdrant).</summary>
public interface IVectorSearch
{
    /// <summary>Runs one search.</summary>
    /// <param name="request">What to search for.</param>
    /// <returns>Hits, best first, at most <see cref="VectorSearchRequest.TopK"/>.</returns>
    Task<IReadOnlyList<VectorSearchHit>> SearchAsync(VectorSearchRequest request, CancellationToken cancellationToken);
}
