namespace Designer.Retrieval.Indexes;

/// <summary>
/// The vector index of one collection: upsert with payload, delete, top-k search (dense, lexical or hybrid) with a
/// payload filter, and count. Implementations are safe for concurrent use.
/// </summary>
public interface IVectorIndex
{
    /// <summary>The collection name.</summary>
    string Collection { get; }

    /// <summary>The vector dimension every record and query vector must have.</summary>
    int Dimension { get; }

    /// <summary>Inserts records, replacing any with the same id.</summary>
    /// <param name="records">The records; each vector's length must equal <see cref="Dimension"/>.</param>
    /// <exception cref="ArgumentException">A vector has the wrong dimension, or an id is empty.</exception>
    Task UpsertAsync(IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Deletes records by id; unknown ids are ignored.</summary>
    /// <param name="ids">The ids to delete.</param>
    Task DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default);

    /// <summary>Deletes every record whose payload satisfies <paramref name="filter"/> (e.g. all chunks of a re-ingested document).</summary>
    Task DeleteByFilterAsync(PayloadFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Returns at most <see cref="SearchRequest.TopK"/> hits, best first.</summary>
    /// <exception cref="ArgumentException">The query vector has the wrong dimension, or the mode's inputs are missing.</exception>
    Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default);

    /// <summary>Counts the live records.</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);
}
