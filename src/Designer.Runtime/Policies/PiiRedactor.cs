using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Designer.Runtime.Policies;

/// <summary>
/// Finds and masks personal data in text: e-mail addresses, card numbers (13–19 digits passing Luhn), IBANs and
/// phone numbers. Deliberately conservative patterns: a missed match leaks, so digits-only runs of phone length are
/// masked even when they might be order numbers.
/// </summary>
public static partial class PiiRedactor
{
    /// <summary>Masks every match in <paramref name="text"/>.</summary>
    /// <param name="text">Text to scan.</param>
    /// <param name="counts">Per PII kind, how many were masked; incremented.</param>
    /// <returns>The masked text.</returns>
    public static string Redact(string text, IDictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(counts);
        var result = EmailPattern().Replace(text, _ => Count(counts, "email", "[email]"));
        result = IbanPattern().Replace(result, _ => Count(counts, "iban", "[iban]"));
        result = CardPattern().Replace(result, m => PassesLuhn(m.Value) ? Count(counts, "card", "[card]") : m.Value);
        result = PhonePattern().Replace(result, m => DigitCount(m.Value) is >= 7 and <= 15 ? Count(counts, "phone", "[phone]") : m.Value);
        return result;
    }

    /// <summary>Masks every string inside <paramref name="node"/>, recursively, in a copy.</summary>
    /// <param name="node">JSON to scan.</param>
    /// <param name="counts">Per PII kind, how many were masked; incremented.</param>
    /// <returns>The masked copy.</returns>
    public static JsonNode? Redact(JsonNode? node, IDictionary<string, int> counts)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = Redact(value, counts);
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Redact(item, counts))]);
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create(Redact(text, counts));
            default:
                return node.DeepClone();
        }
    }

    /// <summary>True when the digits of <paramref name="candidate"/> pass the Luhn check.</summary>
    /// <param name="candidate">Digits with optional spaces or dashes.</param>
    /// <returns>Whether the checksum holds.</returns>
    public static bool PassesLuhn(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var sum = 0;
        var doubleIt = false;
        var digits = 0;
        for (var i = candidate.Length - 1; i >= 0; i--)
        {
            if (!char.IsAsciiDigit(candidate[i]))
            {
                continue;
            }

            var d = candidate[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
            digits++;
        }

        return digits is >= 13 and <= 19 && sum % 10 == 0;
    }

    private static string Count(IDictionary<string, int> counts, string kind, string mask)
    {
        counts[kind] = counts.TryGetValue(kind, out var n) ? n + 1 : 1;
        return mask;
    }

    private static int DigitCount(string text) => text.Count(char.IsAsciiDigit);

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, 200)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b", RegexOptions.CultureInvariant, 200)]
    private static partial Regex IbanPattern();

    [GeneratedRegex(@"\b\d(?:[ -]?\d){12,18}\b", RegexOptions.CultureInvariant, 200)]
    private static partial Regex CardPattern();

    [GeneratedRegex(@"(?<![\w.])\+?\(?\d[\d ().-]{5,18}\d\b", RegexOptions.CultureInvariant, 200)]
    private static partial Regex PhonePattern();
}
