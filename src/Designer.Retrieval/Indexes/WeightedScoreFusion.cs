namespace Designer.Retrieval.Indexes;

/// <summary>
/// Convex combination of min-max normalised scores (Bruch et al., "An Analysis of Fusion Functions for Hybrid
/// Retrieval", 2023): each list's scores are scaled to [0, 1] over the candidates it returned, a record missing from a
/// list scores 0 there, and fused = w · dense + (1 − w) · lexical. Unlike rank fusion it keeps how far apart the scores
/// are, so a confident leg outvotes an unsure one; w = 1 is dense search and w = 0 lexical search, so a weight chosen
/// on held-out data cannot do worse than the better leg there (docs/benchmarks.md).
/// </summary>
public static class WeightedScoreFusion
{
    /// <summary>The dense weight the product uses unless a collection or node sets one (chosen on held-out data).</summary>
    public const double DefaultDenseWeight = 0.7;

    /// <summary>Fuses a dense and a lexical list, best first; ties break by id (ordinal) so results are deterministic.</summary>
    /// <param name="dense">Dense hits, best first.</param>
    /// <param name="lexical">Lexical hits, best first.</param>
    /// <param name="denseWeight">w in [0, 1].</param>
    /// <param name="topK">How many fused hits to return.</param>
    /// <returns>The fused hits with the fused score in [0, 1].</returns>
    public static IReadOnlyList<SearchHit> Fuse(IReadOnlyList<SearchHit> dense, IReadOnlyList<SearchHit> lexical, double denseWeight, int topK)
    {
        ArgumentNullException.ThrowIfNull(dense);
        ArgumentNullException.ThrowIfNull(lexical);
        if (!(denseWeight is >= 0.0 and <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(denseWeight), denseWeight, "The dense weight must be between 0 and 1.");
        }
        var fused = new Dictionary<string, (SearchHit Hit, double Score)>(StringComparer.Ordinal);
        Add(fused, dense, denseWeight);
        Add(fused, lexical, 1.0 - denseWeight);
        return FusedHits.Top(fused, topK);
    }

    private static void Add(Dictionary<string, (SearchHit Hit, double Score)> fused, IReadOnlyList<SearchHit> list, double weight)
    {
        if (list.Count == 0)
        {
            return;
        }

        var max = list.Max(h => h.Score);
        var min = list.Min(h => h.Score);
        var range = max - min;
        foreach (var hit in list)
        {
            // A single candidate (or all equal) is as good as this leg gets: full weight.
            var add = weight * (range > 0 ? (hit.Score - min) / range : 1.0);
            FusedHits.Add(fused, hit, add);
        }
    }
}
