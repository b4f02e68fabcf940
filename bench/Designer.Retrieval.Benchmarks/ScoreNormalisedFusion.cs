using Designer.Retrieval.Indexes;

namespace Designer.Retrieval.Benchmarks;

/// <summary>
/// Fusion variants measured against the product's <see cref="WeightedScoreFusion"/> (min-max): convex combination of
/// z-scores (OpenSearch's <c>z_score</c> normaliser) and Qdrant's distribution-based score fusion (DBSF: each list
/// scaled by mean ± 3σ to [0, 1], clamped). A record missing from a list gets that list's lowest normalised score.
/// </summary>
internal static class ScoreNormalisedFusion
{
    public static IReadOnlyList<SearchHit> ZScore(IReadOnlyList<SearchHit> dense, IReadOnlyList<SearchHit> lexical, double denseWeight, int topK) =>
        Fuse(dense, lexical, denseWeight, topK, ZNormalise);

    public static IReadOnlyList<SearchHit> Dbsf(IReadOnlyList<SearchHit> dense, IReadOnlyList<SearchHit> lexical, double denseWeight, int topK) =>
        Fuse(dense, lexical, denseWeight, topK, DbsfNormalise);

    private static IReadOnlyList<SearchHit> Fuse(
        IReadOnlyList<SearchHit> dense, IReadOnlyList<SearchHit> lexical, double w, int topK, Func<IReadOnlyList<SearchHit>, (Dictionary<string, double> Scores, double Floor)> normalise)
    {
        var (d, dFloor) = normalise(dense);
        var (l, lFloor) = normalise(lexical);
        var hits = new Dictionary<string, SearchHit>(StringComparer.Ordinal);
        foreach (var h in dense.Concat(lexical))
        {
            hits.TryAdd(h.Id, h);
        }

        return hits.Values
            .Select(h => (Hit: h, Score: (w * d.GetValueOrDefault(h.Id, dFloor)) + ((1 - w) * l.GetValueOrDefault(h.Id, lFloor))))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Hit.Id, StringComparer.Ordinal)
            .Take(topK)
            .Select(x => x.Hit with { Score = x.Score })
            .ToList();
    }

    private static (Dictionary<string, double>, double) ZNormalise(IReadOnlyList<SearchHit> list)
    {
        if (list.Count == 0)
        {
            return (new Dictionary<string, double>(StringComparer.Ordinal), 0);
        }

        var mean = list.Average(h => h.Score);
        var sd = Math.Sqrt(list.Average(h => (h.Score - mean) * (h.Score - mean)));
        var scores = list.ToDictionary(h => h.Id, h => sd > 0 ? (h.Score - mean) / sd : 0, StringComparer.Ordinal);
        return (scores, scores.Values.Min());
    }

    private static (Dictionary<string, double>, double) DbsfNormalise(IReadOnlyList<SearchHit> list)
    {
        if (list.Count == 0)
        {
            return (new Dictionary<string, double>(StringComparer.Ordinal), 0);
        }

        var mean = list.Average(h => h.Score);
        var sd = Math.Sqrt(list.Average(h => (h.Score - mean) * (h.Score - mean)));
        var low = mean - (3 * sd);
        var high = mean + (3 * sd);
        var scores = list.ToDictionary(h => h.Id, h => high > low ? Math.Clamp((h.Score - low) / (high - low), 0, 1) : 1, StringComparer.Ordinal);
        return (scores, 0);
    }
}
