namespace Designer.Retrieval.Collections;

/// <summary>Splits text into overlapping chunks of at most a given length, preferring to cut at whitespace.</summary>
public static class TextChunker
{
    /// <summary>Chunks <paramref name="text"/>.</summary>
    /// <param name="text">The text; blank text gives no chunks.</param>
    /// <param name="size">Maximum chunk length in characters (≥ 16).</param>
    /// <param name="overlap">Characters the next chunk repeats from the end of the previous one (0 ≤ overlap &lt; size / 2).</param>
    /// <returns>The chunks, in order.</returns>
    public static IReadOnlyList<string> Chunk(string text, int size, int overlap)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 16);
        ArgumentOutOfRangeException.ThrowIfNegative(overlap);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(overlap, size / 2);
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return [];
        }

        var chunks = new List<string>();
        var start = 0;
        while (true)
        {
            if (trimmed.Length - start <= size)
            {
                chunks.Add(trimmed[start..].Trim());
                return chunks;
            }

            var end = CutPoint(trimmed, start, start + size);
            chunks.Add(trimmed[start..end].Trim());

            // The next chunk starts `overlap` characters back, moved forward to a word start so no word is split.
            var next = Math.Max(end - overlap, start + 1);
            while (next < end && next > 0 && !char.IsWhiteSpace(trimmed[next - 1]))
            {
                next++;
            }

            start = next;
            while (start < trimmed.Length && char.IsWhiteSpace(trimmed[start]))
            {
                start++;
            }
        }
    }

    /// <summary>The last whitespace in the second half of the window, or the hard limit when a word is longer.</summary>
    private static int CutPoint(string text, int start, int limit)
    {
        for (var i = limit; i > start + ((limit - start) / 2); i--)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return limit;
    }
}
