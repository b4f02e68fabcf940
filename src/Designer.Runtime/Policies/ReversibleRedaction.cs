using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Designer.Hosting.Privacy;

namespace Designer.Runtime.Policies;

/// <summary>
/// Masks a prompt before it leaves the server with numbered placeholders (<c>[NAME_1]</c>, <c>[EMAIL_2]</c>) and can put
/// the originals back into a reply. Detection is <see cref="PiiRedactor"/>'s (so its fixes apply here); this class only
/// recovers which text each of its masks replaced, and names given by the author are masked first.
/// </summary>
public sealed partial class ReversibleRedaction
{
    private const int MaxValueLength = 256;
    private readonly Dictionary<string, string> _originals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _issued = new(StringComparer.Ordinal);

    /// <summary>Per kind (name, email, phone, card, iban), how many values were masked.</summary>
    public IReadOnlyDictionary<string, int> Counts => _counts;

    /// <summary>Masks <paramref name="text"/>: the <paramref name="names"/> first, then the PII the redactor finds.</summary>
    /// <param name="text">Rendered prompt.</param>
    /// <param name="names">Values to mask wherever they occur (e.g. the customer's name).</param>
    /// <returns>The text with placeholders; never contains a value the redactor would mask.</returns>
    public string Mask(string text, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names.Where(n => n.Trim().Length >= 2).Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length))
        {
            if (text.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                text = text.Replace(name, Placeholder("name", name), StringComparison.OrdinalIgnoreCase);
            }
        }

        var scratch = new Dictionary<string, int>(StringComparer.Ordinal);
        var masked = PiiRedactor.Redact(text, scratch);
        if (scratch.Count == 0)
        {
            return text;
        }

        return Recover(text, masked) ?? MaskWithoutRestore(masked);
    }

    /// <summary>Replaces placeholders in every string of <paramref name="node"/> with the original values, in a copy.</summary>
    /// <param name="node">Parsed reply.</param>
    /// <returns>The restored copy.</returns>
    public JsonNode? Restore(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Restore(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Restore)]),
        JsonValue value when value.TryGetValue<string>(out var s) => JsonValue.Create(Restore(s)),
        _ => node.DeepClone(),
    };

    /// <summary>Replaces placeholders in <paramref name="text"/>.</summary>
    /// <returns>The restored text.</returns>
    public string Restore(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _originals.Count == 0 ? text : PlaceholderPattern().Replace(text, m => _originals.TryGetValue(m.Value, out var o) ? o : m.Value);
    }

    // Walks the redactor's output against the input: the literal text between two masks must match exactly, and a
    // candidate value counts only if the redactor masks it on its own as the same kind. Null when it cannot be done.
    private string? Recover(string original, string masked)
    {
        var tokens = MaskPattern().Matches(masked);
        var result = new StringBuilder(masked.Length);
        var pending = new List<(string Placeholder, string Value)>();
        var position = 0;
        var maskPosition = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var literal = masked[maskPosition..token.Index];
            if (!original.AsSpan(position).StartsWith(literal, StringComparison.Ordinal))
            {
                return null;
            }

            position += literal.Length;
            result.Append(literal);
            var nextStart = i + 1 < tokens.Count ? tokens[i + 1].Index : masked.Length;
            var next = masked[(token.Index + token.Length)..nextStart];
            if (next.Length == 0 && i + 1 < tokens.Count)
            {
                return null;
            }

            var kind = token.Groups[1].Value;
            var end = FindValueEnd(original, position, next, kind, last: i + 1 == tokens.Count);
            if (end < 0)
            {
                return null;
            }

            var value = original[position..end];
            var placeholder = NextPlaceholder(kind);
            pending.Add((placeholder, value));
            result.Append(placeholder);
            position = end;
            maskPosition = token.Index + token.Length;
        }

        if (!string.Equals(original[position..], masked[maskPosition..], StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var (placeholder, value) in pending)
        {
            _originals[placeholder] = value;
            _counts[KindOf(placeholder)] = _counts.GetValueOrDefault(KindOf(placeholder)) + 1;
        }

        return result.Append(masked, maskPosition, masked.Length - maskPosition).ToString();
    }

    private static int FindValueEnd(string original, int start, string next, string kind, bool last)
    {
        if (next.Length == 0)
        {
            return last && IsMaskedAs(original[start..], kind) ? original.Length : -1;
        }

        var from = start + 1;
        while (from <= original.Length && from - start <= MaxValueLength)
        {
            var at = original.IndexOf(next, from, StringComparison.Ordinal);
            if (at < 0 || at - start > MaxValueLength)
            {
                return -1;
            }

            if (IsMaskedAs(original[start..at], kind))
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }

    private static bool IsMaskedAs(string candidate, string kind)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        return string.Equals(PiiRedactor.Redact(candidate, counts), $"[{kind}]", StringComparison.Ordinal);
    }

    // Fallback when the walk fails: still masked, numbered, but nothing can be restored.
    private string MaskWithoutRestore(string masked) => MaskPattern().Replace(masked, m =>
    {
        var placeholder = NextPlaceholder(m.Groups[1].Value);
        _counts[m.Groups[1].Value] = _counts.GetValueOrDefault(m.Groups[1].Value) + 1;
        return placeholder;
    });

    private string Placeholder(string kind, string value)
    {
        var existing = _originals.FirstOrDefault(p => string.Equals(p.Value, value, StringComparison.OrdinalIgnoreCase) && KindOf(p.Key) == kind).Key;
        if (existing is not null)
        {
            return existing;
        }

        var placeholder = NextPlaceholder(kind);
        _originals[placeholder] = value;
        _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
        return placeholder;
    }

    private string NextPlaceholder(string kind)
    {
        var n = _issued.GetValueOrDefault(kind) + 1;
        _issued[kind] = n;
        return string.Create(CultureInfo.InvariantCulture, $"[{kind.ToUpperInvariant()}_{n}]");
    }

    private static string KindOf(string placeholder) =>
        placeholder[1..placeholder.LastIndexOf('_')].ToLowerInvariant();

    [GeneratedRegex(@"\[(email|iban|card|phone)\]", RegexOptions.CultureInvariant)]
    private static partial Regex MaskPattern();

    [GeneratedRegex(@"\[(?:NAME|EMAIL|IBAN|CARD|PHONE)_\d+\]", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();
}
