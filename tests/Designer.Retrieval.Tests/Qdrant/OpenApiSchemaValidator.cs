using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Designer.Retrieval.Tests.Qdrant;

/// <summary>
/// Validates JSON against the subset of JSON Schema an OpenAPI 3.0 document uses: $ref (#/components/schemas),
/// type, nullable, properties, required, additionalProperties, items, anyOf, oneOf, allOf, enum, minimum, minItems
/// (format and documentation keywords are ignored). Objects are closed unless additionalProperties says otherwise,
/// so a misspelt property fails instead of passing silently; a schema that is only <c>{nullable: true}</c> (Qdrant's
/// way of writing "or null" inside anyOf) accepts null alone.
/// </summary>
internal sealed class OpenApiSchemaValidator
{
    private readonly JsonObject _document;

    public OpenApiSchemaValidator(JsonObject document) => _document = document;

    public JsonObject RequestSchema(string method, string path) =>
        Operation(method, path)["requestBody"]?["content"]?["application/json"]?["schema"]?.AsObject()
        ?? throw new InvalidOperationException($"{method} {path} has no JSON request body in the schema.");

    public JsonObject ResponseSchema(string method, string path, int status)
    {
        var responses = Operation(method, path)["responses"]!.AsObject();
        var response = responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]
            ?? (status >= 400 && status < 500 ? responses["4XX"] : null) ?? responses["default"];
        return response?["content"]?["application/json"]?["schema"]?.AsObject()
            ?? throw new InvalidOperationException($"{method} {path} has no JSON response for {status}.");
    }

    /// <summary>Finds the operation for a concrete path, preferring the template with the fewest parameters.</summary>
    public JsonObject Operation(string method, string path)
    {
        var paths = _document["paths"]!.AsObject();
        var match = paths
            .Where(p => p.Value![method.ToLowerInvariant()] is not null && TemplatePattern(p.Key).IsMatch(path))
            .OrderBy(p => p.Key.Count(c => c == '{'))
            .Select(p => p.Value![method.ToLowerInvariant()]!.AsObject())
            .FirstOrDefault();
        return match ?? throw new InvalidOperationException($"No operation {method} {path} in the schema.");
    }

    public IReadOnlyList<string> Validate(JsonNode? value, JsonObject schema)
    {
        var errors = new List<string>();
        Check(value, schema, "$", errors);
        return errors;
    }

    private static Regex TemplatePattern(string template) =>
        new("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$", RegexOptions.CultureInvariant);

    private JsonObject Resolve(JsonObject schema)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            const string prefix = "#/components/schemas/";
            schema = reference.StartsWith(prefix, StringComparison.Ordinal)
                ? _document["components"]!["schemas"]![reference[prefix.Length..]]!.AsObject()
                : throw new NotSupportedException($"Unsupported $ref {reference}.");
        }

        return schema;
    }

    private void Check(JsonNode? value, JsonObject schema, string at, List<string> errors)
    {
        schema = Resolve(schema);
        if (value is null)
        {
            if (schema["nullable"]?.GetValue<bool>() != true && !BranchesAccept(null, schema, at))
            {
                errors.Add($"{at}: null is not allowed");
            }

            return;
        }

        if (IsOnlyNullable(schema))
        {
            errors.Add($"{at}: only null is allowed here");
            return;
        }

        CheckCombinators(value, schema, at, errors);
        if (schema["type"]?.GetValue<string>() is { } type && !HasType(value, type))
        {
            errors.Add($"{at}: expected {type}, got {value.GetValueKind()}");
            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add($"{at}: {value.ToJsonString()} is not one of {allowed.ToJsonString()}");
        }

        if (schema["minimum"] is JsonValue minimum && value.GetValueKind() == JsonValueKind.Number && value.GetValue<double>() < minimum.GetValue<double>())
        {
            errors.Add($"{at}: below minimum {minimum}");
        }

        switch (value)
        {
            case JsonObject obj:
                CheckObject(obj, schema, at, errors);
                break;
            case JsonArray array:
                if (schema["minItems"] is JsonValue minItems && array.Count < minItems.GetValue<int>())
                {
                    errors.Add($"{at}: fewer than {minItems} items");
                }

                if (schema["items"] is JsonObject items)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        Check(array[i], items, $"{at}[{i}]", errors);
                    }
                }

                break;
        }
    }

    private void CheckCombinators(JsonNode value, JsonObject schema, string at, List<string> errors)
    {
        if (schema["anyOf"] is JsonArray anyOf && !anyOf.Any(branch => Validate(value, branch!.AsObject()).Count == 0))
        {
            errors.Add($"{at}: matches none of anyOf ({Explain(value, anyOf)})");
        }

        if (schema["oneOf"] is JsonArray oneOf)
        {
            var matches = oneOf.Count(branch => Validate(value, branch!.AsObject()).Count == 0);
            if (matches != 1)
            {
                errors.Add($"{at}: matches {matches} branches of oneOf, expected exactly 1");
            }
        }

        foreach (var branch in schema["allOf"] as JsonArray ?? [])
        {
            Check(value, branch!.AsObject(), at, errors);
        }
    }

    private string Explain(JsonNode value, JsonArray branches) =>
        string.Join(" | ", branches.Select(b => Validate(value, b!.AsObject()).FirstOrDefault() ?? "ok"));

    private void CheckObject(JsonObject obj, JsonObject schema, string at, List<string> errors)
    {
        var properties = schema["properties"] as JsonObject;
        foreach (var required in schema["required"] as JsonArray ?? [])
        {
            if (!obj.ContainsKey(required!.GetValue<string>()))
            {
                errors.Add($"{at}: missing required property '{required}'");
            }
        }

        var additional = schema["additionalProperties"];
        var closed = additional is null ? properties is not null : additional.GetValueKind() == JsonValueKind.False;
        foreach (var (name, child) in obj)
        {
            if (properties?[name] is JsonObject propertySchema)
            {
                Check(child, propertySchema, $"{at}.{name}", errors);
            }
            else if (additional is JsonObject additionalSchema)
            {
                Check(child, additionalSchema, $"{at}.{name}", errors);
            }
            else if (closed && schema["anyOf"] is null && schema["oneOf"] is null)
            {
                errors.Add($"{at}: unknown property '{name}'");
            }
        }
    }

    private bool BranchesAccept(JsonNode? value, JsonObject schema, string at) =>
        (schema["anyOf"] as JsonArray ?? schema["oneOf"] as JsonArray ?? [])
            .Any(branch => Validate(value, branch!.AsObject()).Count == 0);

    private static bool IsOnlyNullable(JsonObject schema) =>
        schema["nullable"]?.GetValue<bool>() == true
        && !schema.Any(p => p.Key is not ("nullable" or "description" or "default" or "example" or "title"));

    private static bool HasType(JsonNode value, string type) => (type, value.GetValueKind()) switch
    {
        ("object", JsonValueKind.Object) => true,
        ("array", JsonValueKind.Array) => true,
        ("string", JsonValueKind.String) => true,
        ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
        ("number", JsonValueKind.Number) => true,
        ("integer", JsonValueKind.Number) => double.IsInteger(value.GetValue<double>()),
        _ => false,
    };
}
