using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Designer.Hosting;

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
    public static bool TryParseObject(string body, out JsonObject? value, out string? error) =>
        RequestBody.TryParseObject(body, NodeOptions, DocumentOptions, out value, out error);

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
    public static Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken) =>
        RequestBody.ReadTextAsync(request.Body, request.ContentLength, MaxBodyBytes, cancellationToken);
}
