namespace Designer.Retrieval.Indexes;

/// <summary>
/// Reciprocal rank fusion (Cormack et al., 2009): score(d) = Σ 1 / (k + rank(d)) over the lists that contain d, with
/// 1-based ranks and k = 60. It needs no score calibration between BM25 and cosine, which is why hybrid search uses it.
/// </summary>
public static class ReciprocalRankFusion
{
    /// <summary>The constant k recommended by the paper and used by Qdrant and most hybrid search engines.</summary>
    public const int DefaultK = 60;

    /// <summary>Fuses ranked lists into one, best first; ties break by id (ordinal) so results are deterministic.</summary>
    /// <param name="lists">Ranked lists, best first.</param>
    /// <param name="topK">How many fused hits to return.</param>
    /// <param name="k">The rank constant.</param>
    /// <returns>The fused hits; each keeps the text and payload of its first occurrence and carries the fused score.</returns>
    public static IReadOnlyList<SearchHit> Fuse(IEnumerable<IReadOnlyList<SearchHit>> lists, int topK, int k = DefaultK)
    {
        ArgumentNullException.ThrowIfNull(lists);
        var fused = new Dictionary<string, (SearchHit Hit, double Score)>(StringComparer.Ordinal);
        foreach (var list in lists)
        {
            for (var rank = 0; rank < list.Count; rank++)
            {
                var hit = list[rank];
                var add = 1.0 / (k + rank + 1);
                FusedHits.Add(fused, hit, add);
            }
        }

        return FusedHits.Top(fused, topK);
    }
}
