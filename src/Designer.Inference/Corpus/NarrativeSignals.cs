namespace Designer.Inference.Corpus;

/// <summary>
/// Keyword stems the risk features count in a narrative. The generator phrases the same ideas many ways, and only
/// some of those phrasings contain these stems: keyword features catch part of the signal, semantic search more.
/// </summary>
public static class NarrativeSignals
{
    /// <summary>Stems that signal unauthorised use or account takeover.</summary>
    public static IReadOnlyList<string> RiskStems { get; } =
    [
        "stolen", "never authoris", "never authoriz", "did not authoris", "didn't authoris", "don't recognise",
        "do not recognise", "not recognize", "hacked", "someone else", "not me", "unknown to me", "compromised",
        "lost my wallet", "skimm",
    ];

    /// <summary>Stems that signal a benign, easily resolved dispute.</summary>
    public static IReadOnlyList<string> BenignStems { get; } =
    [
        "my mistake", "spoke to the merchant", "partial refund", "just want", "happy to", "promised a refund",
        "already contacted", "by accident", "clarif",
    ];

    /// <summary>Counts occurrences of any of <paramref name="stems"/> in <paramref name="text"/>, case-insensitively.</summary>
    /// <param name="stems">Stems to count.</param>
    public static int Count(string text, IReadOnlyList<string> stems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(stems);
        var count = 0;
        foreach (var stem in stems)
        {
            for (var at = text.IndexOf(stem, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = text.IndexOf(stem, at + stem.Length, StringComparison.OrdinalIgnoreCase))
            {
                count++;
            }
        }

        return count;
    }
}
