using System.Text.Json;
using System.Text.Json.Nodes;

namespace Designer.Runtime.Executors;

/// <summary>Turns a model's text into JSON and checks it against the node's output schema.</summary>
internal static class ChatReplyParser
{
    /// <summary>Parses <paramref name="text"/> (a ```json fence is tolerated) and lists every schema problem.</summary>
    /// <param name="text">Raw reply.</param>
    /// <param name="schema">Output schema, or null for free text.</param>
    /// <returns>The parsed value (a string when there is no schema) and the problems.</returns>
    public static (JsonNode? Parsed, IReadOnlyList<string> Problems) Parse(string text, JsonObject? schema)
    {
        if (schema is null)
        {
            return (JsonValue.Create(text), []);
        }

        var body = StripFence(text);
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            return (null, [$"$: the reply is not JSON ({ex.Message})"]);
        }

        return (parsed, InputSchemaValidator.Validate(schema, parsed));
    }

    private static string StripFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var firstLine = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var close = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return firstLine > 0 && close > firstLine ? trimmed[(firstLine + 1)..close].Trim() : trimmed;
    }
}
