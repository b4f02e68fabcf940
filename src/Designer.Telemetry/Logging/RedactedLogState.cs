using System.Collections;
using System.Globalization;

namespace Designer.Telemetry.Logging;

/// <summary>
/// A log entry's structured values with every value that is text, or a number that could be a card number, masked;
/// the message template (<c>{OriginalFormat}</c>) is kept as written, since it is code, not data. Structured
/// providers (OpenTelemetry, JSON console) export these pairs as attributes, so they are masked like the message.
/// </summary>
internal sealed class RedactedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string OriginalFormat = "{OriginalFormat}";
    private readonly KeyValuePair<string, object?>[] _values;

    public RedactedLogState(IReadOnlyList<KeyValuePair<string, object?>>? values, string message)
    {
        Message = message;
        _values = values is null ? [] : [.. values.Select(Mask)];
    }

    /// <summary>The formatted message, already masked.</summary>
    public string Message { get; }

    public int Count => _values.Length;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;

    private static KeyValuePair<string, object?> Mask(KeyValuePair<string, object?> pair)
    {
        if (pair.Key == OriginalFormat)
        {
            return pair;
        }

        // Ids, counts, durations and enums stay typed; text and long integers are what can carry a customer's value.
        var text = pair.Value switch
        {
            string s => s,
            long or ulong or decimal or Int128 or UInt128 => Convert.ToString(pair.Value, CultureInfo.InvariantCulture),
            null or ValueType => null,
            IEnumerable when pair.Value is not string => null,
            _ => pair.Value.ToString(),
        };
        if (text is null)
        {
            return pair;
        }

        var masked = RedactingLogger.Mask(text);
        return masked == text ? pair : new KeyValuePair<string, object?>(pair.Key, masked);
    }
}
