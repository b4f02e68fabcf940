using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Designer.Hosting.Privacy;

/// <summary>
/// Finds and masks personal data in text: e-mail addresses, card numbers (13–19 digits passing Luhn, in strings and
/// as JSON numbers), IBANs (passing the ISO 7064 mod-97 check) and phone numbers. Each detector confirms its match
/// (checksum, shape) because a false positive hides facts reviewers need (dates shown as <c>[phone]</c>).
/// Values under <see cref="ActorKeys"/> name staff who acted on the run; they are kept only in events the runtime
/// wrote itself (<see cref="RedactRuntimeEvent"/>), never in customer data.
/// </summary>
public static partial class PiiRedactor
{
    /// <summary>
    /// JSON property names whose values identify the staff member or system that acted (a gate's decider), which the
    /// run page must show; they are recorded by the runtime, not taken from customer input.
    /// </summary>
    public static IReadOnlySet<string> ActorKeys { get; } = new HashSet<string>(StringComparer.Ordinal) { "actor", "actorId", "actorName" };

    /// <summary>Masks every match in <paramref name="text"/>.</summary>
    /// <param name="text">Text to scan.</param>
    /// <param name="counts">Per PII kind, how many were masked; incremented.</param>
    /// <returns>The masked text.</returns>
    public static string Redact(string text, IDictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return Replace(text, (kind, _) => Count(counts, kind, $"[{kind}]"));
    }

    /// <summary>
    /// Replaces every confirmed match in <paramref name="text"/> by what <paramref name="replace"/> returns for it
    /// (the masks of <see cref="Redact(string, IDictionary{string, int})"/>, or the run vault's tokens); kinds are
    /// <c>email</c>, <c>iban</c>, <c>card</c> and <c>phone</c>, detected in that order.
    /// </summary>
    /// <param name="text">Text to scan.</param>
    /// <param name="replace">Given the kind and the matched value, returns the replacement.</param>
    /// <returns>The text with every match replaced.</returns>
    public static string Replace(string text, Func<string, string, string> replace)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(replace);
        var result = EmailPattern().Replace(text, m => replace("email", m.Value));
        result = IbanPattern().Replace(result, m => PassesIbanCheck(m.Value) ? replace("iban", m.Value) : m.Value);
        result = CardPattern().Replace(result, m => PassesLuhn(m.Value) ? replace("card", m.Value) : m.Value);
        result = PhonePattern().Replace(result, m => IsPhone(m.Value) ? replace("phone", m.Value) : m.Value);
        return result;
    }

    /// <summary>
    /// Masks every string inside <paramref name="node"/>, and every integer that is a Luhn-valid card number,
    /// recursively, in a copy. Nothing is exempt: a customer field named <c>actor</c> is masked like any other.
    /// </summary>
    /// <param name="node">JSON to scan.</param>
    /// <param name="counts">Per PII kind, how many were masked; incremented.</param>
    /// <returns>The masked copy.</returns>
    public static JsonNode? Redact(JsonNode? node, IDictionary<string, int> counts) => Redact(node, counts, keepActorKeys: false);

    /// <summary>
    /// Like <see cref="Redact(JsonNode?, IDictionary{string, int})"/>, but for a trace event the runtime wrote itself:
    /// string values under <see cref="ActorKeys"/> directly on <paramref name="runtimeEvent"/> (the staff member who
    /// decided) are kept; nested objects (customer data carried by the event) are masked without exemption.
    /// </summary>
    /// <param name="runtimeEvent">A runtime-written event.</param>
    /// <param name="counts">Per PII kind, how many were masked; incremented.</param>
    /// <returns>The masked copy.</returns>
    public static JsonNode? RedactRuntimeEvent(JsonNode? runtimeEvent, IDictionary<string, int> counts) => Redact(runtimeEvent, counts, keepActorKeys: true);

    private static JsonNode? Redact(JsonNode? node, IDictionary<string, int> counts, bool keepActorKeys)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = keepActorKeys && ActorKeys.Contains(key) && value is JsonValue ? value.DeepClone() : Redact(value, counts, keepActorKeys: false);
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Redact(item, counts, keepActorKeys: false))]);
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create(Redact(text, counts));
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number && IsCardNumber(value):
                return JsonValue.Create(Count(counts, "card", "[card]"));
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

    /// <summary>True when <paramref name="candidate"/> (spaces allowed) passes the IBAN mod-97 check.</summary>
    /// <param name="candidate">Country code, check digits and account, optionally grouped by spaces.</param>
    /// <returns>Whether the checksum holds.</returns>
    public static bool PassesIbanCheck(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var compact = candidate.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (compact.Length is < 15 or > 34)
        {
            return false;
        }

        var remainder = 0;
        foreach (var c in compact[4..] + compact[..4])
        {
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }

    private static bool IsCardNumber(JsonValue value)
    {
        // Only integers: 4111111111111111.0 is not how anyone writes a card number.
        var raw = value.ToJsonString();
        return raw.All(char.IsAsciiDigit) && PassesLuhn(raw);
    }

    private static bool IsPhone(string candidate)
    {
        var digits = candidate.Count(char.IsAsciiDigit);
        if (digits is < 7 or > 15 || DatePattern().IsMatch(candidate) || DecimalPattern().IsMatch(candidate))
        {
            return false;
        }

        // International (+44 …) or with an area code in brackets: a phone by its shape.
        if (candidate.StartsWith('+') || candidate.StartsWith('('))
        {
            return true;
        }

        // A bare run of digits is an id or an amount unless it starts with a national trunk prefix (0176 …).
        var grouped = candidate.Any(c => c is ' ' or '-' or '.' or '(' or ')');
        return grouped || (candidate[0] == '0' && digits >= 10);
    }

    private const int MatchTimeoutMilliseconds = 2000;

    private static string Count(IDictionary<string, int> counts, string kind, string mask)
    {
        counts[kind] = counts.TryGetValue(kind, out var n) ? n + 1 : 1;
        return mask;
    }

    // The timeouts bound hostile input, not ordinary text: 200 ms tripped on short values when a loaded host paused
    // the matching thread (a run failed its storage write), so the bound is 2 s.
    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex IbanPattern();

    [GeneratedRegex(@"\b\d(?:[ -]?\d){12,18}\b", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex CardPattern();

    // Not preceded by a digit, letter, dot or colon so parts of times, versions and decimals are not candidates.
    [GeneratedRegex(@"(?<![\w.:/-])\+?\(?\d[\d ().-]{5,18}\d\b(?![.:/-]?\d)", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex PhonePattern();

    // ISO 8601 (2026-12-04, 2026-12-04T10:15) and day-first (04.12.2026, 04/12/2026) dates.
    [GeneratedRegex(@"^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4})(?:[ T].*)?$", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^\d+\.\d+$", RegexOptions.CultureInvariant, MatchTimeoutMilliseconds)]
    private static partial Regex DecimalPattern();
}
