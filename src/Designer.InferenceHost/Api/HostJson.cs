using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Hosting;

namespace Designer.InferenceHost.Api;

/// <summary>Request bodies are read as text and parsed by our own code, so every problem is reported, never a 500.</summary>
internal static class HostJson
{
    /// <summary>Largest accepted body.</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    /// <summary>Reads and parses a JSON object body; the result is null with an error problem otherwise.</summary>
    public static async Task<(JsonObject? Body, IResult? Error)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var text = await RequestBody.ReadTextAsync(request.Body, request.ContentLength, MaxBodyBytes, cancellationToken);
        if (text is null)
        {
            return (null, HostProblems.TooLarge(MaxBodyBytes));
        }

        return RequestBody.TryParseObject(text, default, DocumentOptions, out var body, out var error)
            ? (body, null)
            : (null, HostProblems.BadRequest(error!));
    }

    /// <summary>A string or an array of strings (OpenAI's <c>input</c>); adds problems for anything else.</summary>
    public static List<string>? ReadStrings(JsonNode? node, string name, List<string> errors)
    {
        if (node is JsonValue single && single.TryGetValue<string>(out var one))
        {
            return [one];
        }

        if (node is not JsonArray array)
        {
            errors.Add($"'{name}' must be a string or an array of strings.");
            return null;
        }

        var values = new List<string>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue v && v.TryGetValue<string>(out var text))
            {
                values.Add(text);
            }
            else
            {
                errors.Add($"'{name}[{i}]' must be a string.");
            }
        }

        return values;
    }
}
