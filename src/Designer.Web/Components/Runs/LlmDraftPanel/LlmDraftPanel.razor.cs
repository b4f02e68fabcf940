using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.Runs;

/// <summary>
/// Shows the chat model's draft (the latest chat-node output in the task's evidence) above the reviewer's fields,
/// or why there is none (e.g. "no chat model configured").
/// </summary>
public sealed partial class LlmDraftPanel
{
    /// <summary>The task's evidence JSON (an array of node results).</summary>
    [Parameter]
    public string? EvidenceJson { get; set; }

    private DraftView? Draft
    {
        get
        {
            JsonNode? parsed;
            try
            {
                parsed = EvidenceJson is null ? null : JsonNode.Parse(EvidenceJson);
            }
            catch (JsonException)
            {
                return null;
            }

            var item = (parsed as JsonArray)?.OfType<JsonObject>().LastOrDefault(i => i["output"]?["llm"] is JsonObject);
            if (item?["output"] is not JsonObject output)
            {
                return null;
            }

            var port = item["port"]?.ToString() ?? "?";
            var fields = output["output"] is JsonObject o
                ? o.Where(p => p.Value is JsonValue).Select(p => (p.Key, p.Value!.ToString())).ToList()
                : output["output"] is JsonValue text ? [("text", text.ToString())] : [];
            return new DraftView(output["model"]?.ToString(), port, port is "ok" or "low-confidence" && fields.Count > 0, fields, output["reason"]?.ToString());
        }
    }

    private sealed record DraftView(string? Model, string Port, bool Usable, List<(string Key, string Value)> Fields, string? Reason);
}
