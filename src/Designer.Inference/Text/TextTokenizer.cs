using System.Text;

namespace Designer.Inference.Text;

/// <summary>
/// The word tokeniser of the project-trained text embedding: lower-case, letters and digits only, English stop words
/// and pure numbers dropped (amounts say nothing about meaning), and a light suffix stemmer so "charged", "charges"
/// and "charging" meet. It is versioned by <see cref="Name"/>, stored in every model it trains, because changing it
/// silently would change what an existing model version sees.
/// </summary>
public static class TextTokenizer
{
    /// <summary>The tokeniser's name and version, stored in model metadata.</summary>
    public const string Name = "designer-words-v1";

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "after", "again", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been", "before",
        "being", "but", "by", "can", "could", "did", "do", "does", "doing", "for", "from", "had", "has", "have",
        "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself",
        "just", "me", "my", "myself", "of", "on", "once", "or", "our", "ours", "she", "so", "some", "such", "than",
        "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "too", "very", "was",
        "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you",
        "your", "yours", "s", "t", "ll", "re", "ve", "d", "m",
    };

    /// <summary>Splits <paramref name="text"/> into normalised terms, in order (repeats kept).</summary>
    /// <param name="text">Any text.</param>
    public static List<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '’')
            {
                // "don't" → "dont", "merchant's" → "merchants": one term, stemmed like the rest.
                continue;
            }
            else
            {
                Flush(word, terms);
            }
        }

        Flush(word, terms);
        return terms;
    }

    /// <summary>Strips common English suffixes (plural, -ing, -ed, -ly, final e) from a lower-case word.</summary>
    /// <param name="word">A lower-case word.</param>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var w = word;
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            w = w[..^3] + "y";
        }
        else if (w.Length > 4 && w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        foreach (var suffix in (string[])["ingly", "edly", "ing", "ed", "ly"])
        {
            if (w.Length - suffix.Length >= 3 && w.EndsWith(suffix, StringComparison.Ordinal))
            {
                w = w[..^suffix.Length];
                if (w.Length > 3 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'z'))
                {
                    w = w[..^1]; // "stopped" → "stopp" → "stop"
                }

                break;
            }
        }

        return w.Length > 4 && w.EndsWith('e') ? w[..^1] : w;
    }

    private static void Flush(StringBuilder word, List<string> terms)
    {
        if (word.Length == 0)
        {
            return;
        }

        var raw = word.ToString();
        word.Clear();
        if (StopWords.Contains(raw) || raw.All(char.IsDigit))
        {
            return;
        }

        terms.Add(Stem(raw));
    }
}
