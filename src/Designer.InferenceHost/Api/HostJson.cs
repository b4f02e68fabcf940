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
        // The same reader as the web app's; only the problem shapes are the host's own.
        var read = await RequestBody.ReadObjectAsync(request.Body, request.ContentLength, MaxBodyBytes, default, DocumentOptions, allowEmpty: false, cancellationToken);
        return read.IsSuccess ? (read.Value, null)
            : read.Error.Kind == OperationErrorKind.TooLarge ? (null, HostProblems.TooLarge(MaxBodyBytes))
            : (null, HostProblems.BadRequest(read.Error.Detail));
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
