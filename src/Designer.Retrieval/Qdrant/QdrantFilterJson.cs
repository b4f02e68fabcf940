using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Retrieval.Indexes;

namespace Designer.Retrieval.Qdrant;

/// <summary>Translates a <see cref="PayloadFilter"/> into Qdrant's <c>Filter</c> JSON (<c>must</c> of field conditions).</summary>
internal static class QdrantFilterJson
{
    public static JsonObject? Build(PayloadFilter? filter) => filter switch
    {
        null => null,
        AndFilter and => new JsonObject { ["must"] = new JsonArray([.. and.Must.Select(Condition)]) },
        _ => new JsonObject { ["must"] = new JsonArray(Condition(filter)) },
    };

    private static JsonNode Condition(PayloadFilter filter) => filter switch
    {
        EqualsFilter f => new JsonObject { ["key"] = PayloadKey(f.Key), ["match"] = new JsonObject { ["value"] = MatchValue(f.Value) } },
        InFilter f => new JsonObject { ["key"] = PayloadKey(f.Key), ["match"] = new JsonObject { ["any"] = new JsonArray([.. f.Values.Select(MatchValue)]) } },
        RangeFilter f => new JsonObject { ["key"] = PayloadKey(f.Key), ["range"] = Range(f) },
        AndFilter and => Build(and)!,
        _ => throw new NotSupportedException($"Unknown filter {filter.GetType().Name}."),
    };

    private static JsonObject Range(RangeFilter f)
    {
        var range = new JsonObject();
        AddBound(range, "gt", f.Gt);
        AddBound(range, "gte", f.Gte);
        AddBound(range, "lt", f.Lt);
        AddBound(range, "lte", f.Lte);
        return range;
    }

    private static void AddBound(JsonObject range, string name, double? bound)
    {
        if (bound is { } value)
        {
            range[name] = value;
        }
    }

    // Qdrant matches strings, integers and booleans exactly; it has no exact match on fractional numbers.
    private static JsonNode MatchValue(JsonValue value)
    {
        if (value.GetValueKind() == JsonValueKind.Number)
        {
            var number = PayloadFilterEvaluator.ToDouble(value);
            return number == Math.Floor(number) && Math.Abs(number) < 9.2e18
                ? JsonValue.Create((long)number)
                : throw new NotSupportedException($"Qdrant cannot match the fractional number {number} exactly; use a range filter.");
        }

        return value.DeepClone();
    }

    private static string PayloadKey(string key) =>
        key is QdrantPayload.IdKey or QdrantPayload.TextKey ? throw new ArgumentException($"'{key}' is reserved by the Qdrant adapter.", nameof(key)) : key;
}

/// <summary>The payload keys the adapter reserves to carry the original id and text in each Qdrant point.</summary>
internal static class QdrantPayload
{
    public const string IdKey = "designer_id";
    public const string TextKey = "designer_text";
}
