using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Designer.Web.Api;

/// <summary>One JSON convention for every response, and a parser for request bodies that never throws.</summary>
internal static class ApiJson
{
    /// <summary>Bodies larger than this are refused with 413 before they are parsed.</summary>
    public const int MaxBodyBytes = 5 * 1024 * 1024;

    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = true };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }

    /// <summary>Parses a JSON object body; <paramref name="error"/> says what is wrong otherwise.</summary>
    public static bool TryParseObject(string body, out JsonObject? value, out string? error)
    {
        value = null;
        error = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            error = "The request body is empty; a JSON object is expected.";
            return false;
        }

        try
        {
            value = JsonNode.Parse(body, NodeOptions, DocumentOptions) as JsonObject;
            error = value is null ? "The request body must be a JSON object." : null;
        }
        catch (JsonException ex)
        {
            error = $"The request body is not valid JSON: {ex.Message}";
        }

        return value is not null;
    }

    /// <summary>Reads a string property, reporting a wrong type instead of throwing.</summary>
    public static string? GetString(JsonObject body, string name, List<string> errors)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue v && v.TryGetValue<string>(out var text))
        {
            return text;
        }

        errors.Add($"'{name}' must be a string.");
        return null;
    }

    /// <summary>Reads the whole body up to <see cref="MaxBodyBytes"/>; null when it is larger.</summary>
    public static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var reader = new StreamReader(request.Body);
        var buffer = new char[8192];
        var text = new System.Text.StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            text.Append(buffer, 0, read);
            if (text.Length > MaxBodyBytes)
            {
                return null;
            }
        }

        return text.ToString();
    }
}
