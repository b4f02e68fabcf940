namespace Designer.Retrieval.Indexes;

/// <summary>
/// Shared request validation, dimension checks, hybrid fusion and the min-score cut-off, so every backend behaves the
/// same; a backend supplies only its dense and lexical legs and its writes.
/// </summary>
public abstract class VectorIndexBase : IVectorIndex
{
    /// <summary>Initialises the base.</summary>
    /// <param name="collection">The collection name.</param>
    protected VectorIndexBase(string collection, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        Collection = CollectionName.Validate(collection);
        Dimension = dimension;
    }

    /// <inheritdoc />
    public string Collection { get; }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public Task UpsertAsync(IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var normalised = new List<VectorRecord>(records.Count);
        foreach (var record in records)
        {
            ArgumentNullException.ThrowIfNull(record, nameof(records));
            ArgumentException.ThrowIfNullOrEmpty(record.Id, nameof(records));
            VectorMath.CheckDimension(record.Vector, Dimension, $"record '{record.Id}' vector");
            normalised.Add(record with { Vector = VectorMath.Normalize(record.Vector), Payload = record.Payload?.DeepClone().AsObject() ?? [] });
        }

        return normalised.Count == 0 ? Task.CompletedTask : UpsertCoreAsync(normalised, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return ids.Count == 0 ? Task.CompletedTask : DeleteCoreAsync(ids, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteByFilterAsync(PayloadFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return DeleteByFilterCoreAsync(filter, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.TopK, 1, nameof(request));
        float[]? query = null;
        if (request.Mode is SearchMode.Dense or SearchMode.Hybrid)
        {
            VectorMath.CheckDimension(request.Vector, Dimension, "query vector");
            query = VectorMath.Normalize(request.Vector);
        }

        if (request.Mode == SearchMode.Hybrid && request.Fusion == FusionMethod.Weighted && !(request.DenseWeight is >= 0.0 and <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.DenseWeight, "DenseWeight must be between 0 and 1.");
        }

        if (request.Mode is SearchMode.Lexical or SearchMode.Hybrid && string.IsNullOrWhiteSpace(request.QueryText))
        {
            throw new ArgumentException($"{request.Mode} search needs QueryText.", nameof(request));
        }

        IReadOnlyList<SearchHit> hits = request.Mode switch
        {
            SearchMode.Dense => await DenseSearchAsync(query!, request.TopK, request, cancellationToken),
            SearchMode.Lexical => await LexicalSearchAsync(request.QueryText!, request.TopK, request.Filter, cancellationToken),
            SearchMode.Hybrid => await HybridAsync(query!, request, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Mode, "Unknown search mode."),
        };
        return request.MinScore is { } min ? hits.Where(h => h.Score >= min).ToList() : hits;
    }

    /// <inheritdoc />
    public abstract Task<long> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes validated records: vectors are normalised copies, payloads are private copies.</summary>
    protected abstract Task UpsertCoreAsync(IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken);

    /// <summary>Deletes records by id.</summary>
    /// <param name="ids">The ids, at least one.</param>
    protected abstract Task DeleteCoreAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken);

    /// <summary>Deletes the records whose payload satisfies the filter.</summary>
    protected abstract Task DeleteByFilterCoreAsync(PayloadFilter filter, CancellationToken cancellationToken);

    /// <summary>The dense leg: the best <paramref name="limit"/> records by cosine similarity that pass the request's filter.</summary>
    /// <param name="query">The normalised query vector.</param>
    /// <param name="limit">How many hits.</param>
    /// <param name="request">The request (filter, efSearch).</param>
    /// <returns>Hits, best first.</returns>
    protected abstract Task<IReadOnlyList<SearchHit>> DenseSearchAsync(float[] query, int limit, SearchRequest request, CancellationToken cancellationToken);

    /// <summary>The lexical leg: the best <paramref name="limit"/> records by text relevance that pass the filter.</summary>
    /// <param name="limit">How many hits.</param>
    /// <returns>Hits, best first.</returns>
    protected abstract Task<IReadOnlyList<SearchHit>> LexicalSearchAsync(string queryText, int limit, PayloadFilter? filter, CancellationToken cancellationToken);

    private async Task<IReadOnlyList<SearchHit>> HybridAsync(float[] query, SearchRequest request, CancellationToken cancellationToken)
    {
        // Each leg contributes a deeper list than top-k, so a record ranked moderately by both can still win the fusion.
        var depth = Math.Max(request.TopK * 4, 40);
        var dense = await DenseSearchAsync(query, depth, request, cancellationToken);
        var lexical = await LexicalSearchAsync(request.QueryText!, depth, request.Filter, cancellationToken);
        return request.Fusion == FusionMethod.Weighted
            ? WeightedScoreFusion.Fuse(dense, lexical, request.DenseWeight, request.TopK)
            : ReciprocalRankFusion.Fuse([dense, lexical], request.TopK);
    }
}
