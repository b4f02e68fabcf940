using System.Text.Json;
using System.Text.Json.Nodes;

namespace Designer.Workflows.Validation.Rules;

/// <summary>
/// Checks that an input schema uses only the supported JSON Schema subset, so the runtime never silently
/// ignores a constraint the author thinks is enforced.
/// </summary>
internal static class InputSchemaChecker
{
    private static readonly HashSet<string> Types = ["object", "string", "number", "integer", "boolean", "array"];

    private static readonly HashSet<string> Keywords =
    [
        "type", "properties", "required", "enum", "minimum", "maximum", "minLength", "maxLength", "items",
        "title", "description", "default",
    ];

    public static List<(string Path, string Message)> Check(JsonObject schema)
    {
        var problems = new List<(string, string)>();
        var type = CheckNode(schema, "inputSchema", problems);
        if (type is not null && type != "object")
        {
            problems.Add(("inputSchema.type", "The input schema's root type must be 'object'."));
        }

        return problems;
    }

    private static string? CheckNode(JsonObject schema, string path, List<(string, string)> problems)
    {
        foreach (var key in schema.Select(p => p.Key).Where(k => !Keywords.Contains(k)))
        {
            problems.Add(($"{path}.{key}", $"Keyword '{key}' is not supported in input schemas."));
        }

        var type = schema["type"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : null;
        if (type is null || !Types.Contains(type))
        {
            problems.Add(($"{path}.type", $"'type' must be one of {string.Join(", ", Types)}."));
            return null;
        }

        if (type == "object")
        {
            CheckProperties(schema, path, problems);
        }

        if (type == "array" && schema["items"] is { } items)
        {
            CheckChild(items, $"{path}.items", problems);
        }

        CheckEnum(schema, path, problems);
        CheckBounds(schema, path, type, problems);
        return type;
    }

    private static void CheckProperties(JsonObject schema, string path, List<(string, string)> problems)
    {
        var properties = schema["properties"] as JsonObject;
        if (schema["properties"] is not null && properties is null)
        {
            problems.Add(($"{path}.properties", "'properties' must be an object."));
        }

        foreach (var (name, child) in properties ?? [])
        {
            CheckChild(child, $"{path}.properties.{name}", problems);
        }

        if (schema["required"] is null)
        {
            return;
        }

        if (schema["required"] is not JsonArray required || required.Any(r => r?.GetValueKind() != JsonValueKind.String))
        {
            problems.Add(($"{path}.required", "'required' must be an array of property names."));
            return;
        }

        foreach (var name in required.Select(r => r!.GetValue<string>()).Where(n => properties?.ContainsKey(n) != true))
        {
            problems.Add(($"{path}.required", $"Required property '{name}' is not declared in 'properties'."));
        }
    }

    private static void CheckChild(JsonNode? child, string path, List<(string, string)> problems)
    {
        if (child is JsonObject obj)
        {
            CheckNode(obj, path, problems);
        }
        else
        {
            problems.Add((path, $"'{path}' must be a schema object."));
        }
    }

    private static void CheckEnum(JsonObject schema, string path, List<(string, string)> problems)
    {
        if (schema["enum"] is not null && schema["enum"] is not JsonArray { Count: > 0 })
        {
            problems.Add(($"{path}.enum", "'enum' must be a non-empty array."));
        }
    }

    private static void CheckBounds(JsonObject schema, string path, string type, List<(string, string)> problems)
    {
        var numeric = type is "number" or "integer";
        var minimum = Number(schema, "minimum", path, numeric, "number or integer", problems);
        var maximum = Number(schema, "maximum", path, numeric, "number or integer", problems);
        if (minimum > maximum)
        {
            problems.Add(($"{path}.minimum", "'minimum' must not exceed 'maximum'."));
        }

        var minLength = Number(schema, "minLength", path, type == "string", "string", problems);
        var maxLength = Number(schema, "maxLength", path, type == "string", "string", problems);
        if (minLength < 0 || maxLength < 0 || minLength > maxLength)
        {
            problems.Add(($"{path}.maxLength", "String lengths must be non-negative with minLength ≤ maxLength."));
        }
    }

    private static double? Number(JsonObject schema, string key, string path, bool applies, string appliesTo,
        List<(string, string)> problems)
    {
        if (schema[key] is not { } node)
        {
            return null;
        }

        if (!applies)
        {
            problems.Add(($"{path}.{key}", $"'{key}' only applies to {appliesTo} schemas."));
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.Number)
        {
            problems.Add(($"{path}.{key}", $"'{key}' must be a number."));
            return null;
        }

        return node.GetValue<double>();
    }
}
