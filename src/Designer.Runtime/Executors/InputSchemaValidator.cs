using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Runtime.State;

namespace Designer.Runtime.Executors;

/// <summary>
/// Validates run input against the start node's JSON Schema subset (type, properties, required, enum, minimum,
/// maximum, minLength, maxLength, items) and reports every problem with its JSON path, not just the first.
/// </summary>
public static class InputSchemaValidator
{
    /// <summary>Validates <paramref name="value"/> against <paramref name="schema"/>.</summary>
    /// <param name="schema">The schema; null accepts any object.</param>
    /// <param name="value">The run input.</param>
    /// <returns>Every problem, each prefixed with its path (e.g. <c>$.amount</c>); empty when valid.</returns>
    public static IReadOnlyList<string> Validate(JsonObject? schema, JsonNode? value)
    {
        var problems = new List<string>();
        if (schema is null)
        {
            if (value is not JsonObject)
            {
                problems.Add("$: must be an object");
            }

            return problems;
        }

        Check(schema, value, "$", problems);
        return problems;
    }

    private static void Check(JsonObject schema, JsonNode? value, string path, List<string> problems)
    {
        var type = (schema["type"] as JsonValue)?.GetValue<string>();
        if (type is not null && !HasType(value, type))
        {
            problems.Add($"{path}: must be {Article(type)} {type}, got {Describe(value)}");
            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            problems.Add($"{path}: must be one of {string.Join(", ", allowed.Select(a => a?.ToJsonString() ?? "null"))}");
        }

        if (JsonNumbers.TryGetDouble(value, out var n))
        {
            if (ReadNumber(schema, "minimum") is { } min && n < min)
            {
                problems.Add($"{path}: must be at least {Format(min)}");
            }

            if (ReadNumber(schema, "maximum") is { } max && n > max)
            {
                problems.Add($"{path}: must be at most {Format(max)}");
            }
        }

        if (value is JsonValue text && text.TryGetValue<string>(out var s))
        {
            if (ReadNumber(schema, "minLength") is { } minLength && s.Length < minLength)
            {
                problems.Add($"{path}: must be at least {Format(minLength)} characters");
            }

            if (ReadNumber(schema, "maxLength") is { } maxLength && s.Length > maxLength)
            {
                problems.Add($"{path}: must be at most {Format(maxLength)} characters");
            }
        }

        if (value is JsonObject obj)
        {
            if (schema["required"] is JsonArray required)
            {
                foreach (var name in required.Select(r => r?.GetValue<string>()).Where(r => r is not null))
                {
                    if (obj[name!] is null)
                    {
                        problems.Add($"{path}.{name}: is required");
                    }
                }
            }

            if (schema["properties"] is JsonObject properties)
            {
                foreach (var (name, propertySchema) in properties)
                {
                    if (propertySchema is JsonObject ps && obj.TryGetPropertyValue(name, out var propertyValue) && propertyValue is not null)
                    {
                        Check(ps, propertyValue, $"{path}.{name}", problems);
                    }
                }
            }
        }

        if (value is JsonArray array && schema["items"] is JsonObject itemSchema)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(itemSchema, array[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), problems);
            }
        }
    }

    private static bool HasType(JsonNode? value, string type) => type switch
    {
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => value is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        "boolean" => value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number,
        "integer" => JsonNumbers.TryGetDouble(value, out var d) && Math.Abs(d % 1) < double.Epsilon,
        _ => true,
    };

    private static double? ReadNumber(JsonObject schema, string key) =>
        JsonNumbers.TryGetDouble(schema[key], out var n) ? n : null;

    private static string Describe(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        },
        _ => "unknown",
    };

    private static string Article(string type) => type is "object" or "array" or "integer" ? "an" : "a";

    private static string Format(double n) => n.ToString("0.################", CultureInfo.InvariantCulture);
}
