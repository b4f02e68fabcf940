using System.Text.Json;
using System.Text.Json.Nodes;

namespace Designer.Retrieval.Indexes;

/// <summary>Evaluates a <see cref="PayloadFilter"/> in memory (embedded index, lexical index).</summary>
internal static class PayloadFilterEvaluator
{
    public static bool Matches(PayloadFilter? filter, JsonObject payload) => filter switch
    {
        null => true,
        EqualsFilter f => ValueMatches(payload[f.Key], f.Value),
        InFilter f => f.Values.Any(v => ValueMatches(payload[f.Key], v)),
        RangeFilter f => InRange(payload[f.Key], f),
        AndFilter f => f.Must.All(m => Matches(m, payload)),
        _ => throw new NotSupportedException($"Unknown filter {filter.GetType().Name}."),
    };

    private static bool ValueMatches(JsonNode? actual, JsonValue expected) => actual switch
    {
        JsonArray array => array.Any(item => item is JsonValue v && ScalarEquals(v, expected)),
        JsonValue value => ScalarEquals(value, expected),
        _ => false,
    };

    private static bool ScalarEquals(JsonValue a, JsonValue b)
    {
        var kindA = a.GetValueKind();
        var kindB = b.GetValueKind();
        if (kindA == JsonValueKind.Number && kindB == JsonValueKind.Number)
        {
            return ToDouble(a) == ToDouble(b);
        }

        if (kindA != kindB)
        {
            return false;
        }

        return kindA switch
        {
            JsonValueKind.String => string.Equals(a.GetValue<string>(), b.GetValue<string>(), StringComparison.Ordinal),
            JsonValueKind.True or JsonValueKind.False => true,
            _ => false,
        };
    }

    // JsonValue.GetValue<double> fails for values created from int or long, so numbers go through their JSON text.
    internal static double ToDouble(JsonValue value) =>
        value.TryGetValue<double>(out var d) ? d : double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private static bool InRange(JsonNode? actual, RangeFilter f)
    {
        if (actual is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }

        var x = ToDouble(value);
        return (f.Gt is not { } gt || x > gt)
            && (f.Gte is not { } gte || x >= gte)
            && (f.Lt is not { } lt || x < lt)
            && (f.Lte is not { } lte || x <= lte);
    }
}
