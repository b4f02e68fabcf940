namespace Designer.Retrieval.Indexes;

/// <summary>
/// The bookkeeping every score fusion shares, so <see cref="ReciprocalRankFusion"/> and <see cref="WeightedScoreFusion"/>
/// differ only in how much a hit adds: a hit keeps its first occurrence's text and payload, and the result is ordered
/// best first with ties broken by id (ordinal) so that the same inputs always give the same page.
/// </summary>
internal static class FusedHits
{
    /// <summary>Adds <paramref name="score"/> to the hit's fused score, keeping the first occurrence of the hit.</summary>
    internal static void Add(Dictionary<string, (SearchHit Hit, double Score)> fused, SearchHit hit, double score) =>
        fused[hit.Id] = fused.TryGetValue(hit.Id, out var existing) ? (existing.Hit, existing.Score + score) : (hit, score);

    /// <summary>The <paramref name="topK"/> best hits, each carrying its fused score.</summary>
    internal static List<SearchHit> Top(Dictionary<string, (SearchHit Hit, double Score)> fused, int topK) =>
        fused.Values
            .OrderByDescending(e => e.Score)
            .ThenBy(e => e.Hit.Id, StringComparer.Ordinal)
            .Take(topK)
            .Select(e => e.Hit with { Score = e.Score })
            .ToList();
}
