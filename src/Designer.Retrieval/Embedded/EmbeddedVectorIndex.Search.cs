using Designer.Retrieval.Indexes;

namespace Designer.Retrieval.Embedded;

public sealed partial class EmbeddedVectorIndex
{
    /// <summary>Exact top-k (brute force) regardless of size: the recall reference for the approximate search.</summary>
    /// <param name="query">The query vector (normalised here).</param>
    /// <param name="topK">How many hits.</param>
    /// <returns>The ids, best first.</returns>
    public IReadOnlyList<string> ExactSearchIds(float[] query, int topK)
    {
        VectorMath.CheckDimension(query, Dimension, nameof(query));
        var normalised = VectorMath.Normalize(query);
        _lock.EnterReadLock();
        try
        {
            return ExactSearch.Search(_state.Graph, normalised, topK, null).Select(h => _state.Slots[h.Node]!.Id).ToList();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <inheritdoc />
    protected override Task<IReadOnlyList<SearchHit>> DenseSearchAsync(float[] query, int limit, SearchRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _lock.EnterReadLock();
        try
        {
            var slots = _state.Slots;
            Func<int, bool>? accept = request.Filter is { } filter
                ? node => slots[node] is { } slot && PayloadFilterEvaluator.Matches(filter, slot.Payload)
                : null;
            List<(int Node, float Similarity)> found;
            if (_state.LiveCount < _options.ExactSearchThreshold)
            {
                found = ExactSearch.Search(_state.Graph, query, limit, accept);
            }
            else
            {
                found = _state.Graph.Search(query, limit, request.EfSearch ?? _options.EfSearch, accept);

                // A selective filter can leave the beam short of k matches; then only an exact scan is correct.
                if (accept is not null && found.Count < limit)
                {
                    found = ExactSearch.Search(_state.Graph, query, limit, accept);
                }
            }

            IReadOnlyList<SearchHit> hits = found
                .Select(h => ToHit(slots[h.Node]!, h.Similarity))
                .ToList();
            return Task.FromResult(hits);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <inheritdoc />
    protected override Task<IReadOnlyList<SearchHit>> LexicalSearchAsync(string queryText, int limit, PayloadFilter? filter, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_lexical.Search(queryText, limit, filter));
    }

    private static SearchHit ToHit(SlotRecord slot, float similarity) =>
        new(slot.Id, similarity, slot.Text, slot.Payload.DeepClone().AsObject());
}
