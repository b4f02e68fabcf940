using System.Text.Json.Nodes;

namespace Designer.Retrieval.Indexes;

/// <summary>
/// A filter over record payloads: equality, membership, numeric range, and AND of filters. The model is kept to what
/// Qdrant filters and PostgreSQL <c>jsonb</c> expressions can both express. Keys name top-level payload properties.
/// </summary>
/// <remarks>
/// Equality and membership also match when the payload value is an array that contains the value (Qdrant's semantics).
/// Values are strings, integers, booleans (equality) or numbers; a range matches numbers only.
/// </remarks>
public abstract record PayloadFilter
{
    private protected PayloadFilter()
    {
    }

    /// <summary>The payload value at <paramref name="key"/> equals <paramref name="value"/>.</summary>
    /// <param name="key">The payload key.</param>
    /// <param name="value">A string, integer or boolean JSON value.</param>
    public static PayloadFilter Equal(string key, JsonValue value) => new EqualsFilter(key, value);

    /// <summary>The payload value at <paramref name="key"/> equals the string <paramref name="value"/>.</summary>
    /// <param name="key">The payload key.</param>
    public static PayloadFilter Equal(string key, string value) => new EqualsFilter(key, JsonValue.Create(value));

    /// <summary>The payload value at <paramref name="key"/> equals the integer <paramref name="value"/>.</summary>
    /// <param name="key">The payload key.</param>
    public static PayloadFilter Equal(string key, long value) => new EqualsFilter(key, JsonValue.Create(value));

    /// <summary>The payload value at <paramref name="key"/> equals the boolean <paramref name="value"/>.</summary>
    /// <param name="key">The payload key.</param>
    public static PayloadFilter Equal(string key, bool value) => new EqualsFilter(key, JsonValue.Create(value));

    /// <summary>The payload value at <paramref name="key"/> equals one of the strings <paramref name="values"/>.</summary>
    /// <param name="key">The payload key.</param>
    /// <param name="values">The accepted values.</param>
    public static PayloadFilter In(string key, params IReadOnlyList<string> values) => new InFilter(key, [.. values.Select(v => JsonValue.Create(v))]);

    /// <summary>The payload value at <paramref name="key"/> equals one of the integers <paramref name="values"/>.</summary>
    /// <param name="key">The payload key.</param>
    /// <param name="values">The accepted values.</param>
    public static PayloadFilter In(string key, params IReadOnlyList<long> values) => new InFilter(key, [.. values.Select(v => JsonValue.Create(v))]);

    /// <summary>The payload value at <paramref name="key"/> equals one of <paramref name="values"/>.</summary>
    /// <param name="key">The payload key.</param>
    /// <param name="values">Strings, or integers (not mixed, as Qdrant requires).</param>
    public static PayloadFilter In(string key, IReadOnlyList<JsonValue> values) => new InFilter(key, values);

    /// <summary>The payload value at <paramref name="key"/> is a number within the given bounds (each optional).</summary>
    /// <param name="key">The payload key.</param>
    /// <param name="gt">Exclusive lower bound.</param>
    /// <param name="gte">Inclusive lower bound.</param>
    /// <param name="lt">Exclusive upper bound.</param>
    /// <param name="lte">Inclusive upper bound.</param>
    public static PayloadFilter Range(string key, double? gt = null, double? gte = null, double? lt = null, double? lte = null) =>
        new RangeFilter(key, gt, gte, lt, lte);

    /// <summary>Every filter in <paramref name="must"/> holds.</summary>
    public static PayloadFilter And(params IReadOnlyList<PayloadFilter> must) => new AndFilter(must);
}
