using System.Text.Json.Nodes;
using Designer.Retrieval.Indexes;

namespace Designer.Retrieval.Collections;

/// <summary>
/// Reads a payload filter from JSON, in Qdrant's shape (<c>{"must":[{"key":"category","match":{"value":"fraud"}},
/// {"key":"amount","range":{"gte":100}}]}</c>, <c>match.any</c> for membership) or the shorthand
/// <c>{"category":"fraud","amount":{"gte":100},"currency":["EUR","GBP"]}</c>.
/// </summary>
public static class CollectionFilterJson
{
    /// <summary>Parses <paramref name="json"/>; every problem found is added to <paramref name="problems"/>.</summary>
    /// <param name="json">The filter object, or <see langword="null"/> for none.</param>
    /// <param name="problems">Receives one message per problem.</param>
    /// <returns>The filter, or <see langword="null"/> when there is none or it has problems.</returns>
    public static PayloadFilter? Parse(JsonObject? json, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (json is null || json.Count == 0)
        {
            return null;
        }

        var before = problems.Count;
        var conditions = new List<PayloadFilter>();
        if (json["must"] is { } must)
        {
            if (json.Count != 1 || must is not JsonArray items)
            {
                problems.Add("filter: 'must' must be an array and the only property.");
                return null;
            }

            for (var i = 0; i < items.Count; i++)
            {
                if (Condition(items[i], $"filter.must[{i}]", problems) is { } condition)
                {
                    conditions.Add(condition);
                }
            }
        }
        else
        {
            foreach (var (key, value) in json)
            {
                if (Shorthand(key, value, problems) is { } condition)
                {
                    conditions.Add(condition);
                }
            }
        }

        if (problems.Count > before || conditions.Count == 0)
        {
            return null;
        }

        return conditions.Count == 1 ? conditions[0] : PayloadFilter.And(conditions);
    }

    private static PayloadFilter? Condition(JsonNode? node, string path, List<string> problems)
    {
        if (node is not JsonObject condition || condition["key"] is not JsonValue keyValue || !keyValue.TryGetValue<string>(out var key) || key.Length == 0)
        {
            problems.Add($"{path}: a condition is {{\"key\": string, \"match\": {{\"value\"|\"any\"}}}} or {{\"key\": string, \"range\": {{…}}}}.");
            return null;
        }

        return (condition["match"], condition["range"]) switch
        {
            (JsonObject match, null) when match["value"] is JsonValue value => Scalar(key, value, $"{path}.match.value", problems),
            (JsonObject match, null) when match["any"] is JsonArray any => Any(key, any, $"{path}.match.any", problems),
            (null, JsonObject range) => Range(key, range, $"{path}.range", problems),
            _ => Fail(problems, $"{path}: needs exactly one of 'match' ({{\"value\": …}} or {{\"any\": […]}}) or 'range'."),
        };
    }

    private static PayloadFilter? Shorthand(string key, JsonNode? value, List<string> problems) => value switch
    {
        JsonValue scalar => Scalar(key, scalar, $"filter.{key}", problems),
        JsonArray any => Any(key, any, $"filter.{key}", problems),
        JsonObject range => Range(key, range, $"filter.{key}", problems),
        _ => Fail(problems, $"filter.{key}: null is not a filter value."),
    };

    private static PayloadFilter? Scalar(string key, JsonValue value, string path, List<string> problems)
    {
        if (value.TryGetValue<string>(out var text))
        {
            return PayloadFilter.Equal(key, text);
        }

        if (value.TryGetValue<bool>(out var flag))
        {
            return PayloadFilter.Equal(key, flag);
        }

        if (value.TryGetValue<long>(out var integer))
        {
            return PayloadFilter.Equal(key, integer);
        }

        return Fail(problems, $"{path}: equality needs a string, an integer or a boolean (use a range for fractional numbers).");
    }

    private static PayloadFilter? Any(string key, JsonArray values, string path, List<string> problems)
    {
        var strings = values.All(v => v is JsonValue s && s.TryGetValue<string>(out _));
        var integers = values.All(v => v is JsonValue n && n.TryGetValue<long>(out _));
        if (values.Count == 0 || !(strings || integers))
        {
            return Fail(problems, $"{path}: membership needs a non-empty array of strings or of integers (not mixed).");
        }

        return PayloadFilter.In(key, [.. values.Select(v => (JsonValue)v!.DeepClone())]);
    }

    private static PayloadFilter? Range(string key, JsonObject range, string path, List<string> problems)
    {
        double? gt = null, gte = null, lt = null, lte = null;
        var ok = range.Count > 0;
        foreach (var (bound, node) in range)
        {
            if (node is not JsonValue v || !v.TryGetValue<double>(out var number))
            {
                ok = false;
                continue;
            }

            switch (bound)
            {
                case "gt": gt = number; break;
                case "gte": gte = number; break;
                case "lt": lt = number; break;
                case "lte": lte = number; break;
                default: ok = false; break;
            }
        }

        return ok ? PayloadFilter.Range(key, gt, gte, lt, lte) : Fail(problems, $"{path}: a range has numeric 'gt', 'gte', 'lt' and/or 'lte' only.");
    }

    private static PayloadFilter? Fail(List<string> problems, string message)
    {
        problems.Add(message);
        return null;
    }
}
