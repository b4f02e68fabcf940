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

    /// <summary>The reviewer's edited text; null while it equals the draft.</summary>
    [Parameter]
    public string? Correction { get; set; }

    /// <summary>The edited text changed; null when it is back to the draft (nothing to record).</summary>
    [Parameter]
    public EventCallback<string?> CorrectionChanged { get; set; }

    private async Task OnCorrectionChanged(string? value)
    {
        var original = Draft?.Editable?.Value;
        var changed = string.IsNullOrWhiteSpace(value) || string.Equals(value.Trim(), original?.Trim(), StringComparison.Ordinal) ? null : value;
        Correction = changed;
        await CorrectionChanged.InvokeAsync(changed);
    }

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
            // The reviewer corrects the draft's first text field (the demo's "resolution"): that text is the label.
            var editable = output["output"] is JsonObject obj
                ? obj.Where(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String).Select(p => (p.Key, p.Value!.ToString())).FirstOrDefault()
                : fields.FirstOrDefault();
            var usable = port is "ok" or "low-confidence" && fields.Count > 0;
            return new DraftView(output["model"]?.ToString(), port, usable, fields, output["reason"]?.ToString(),
                usable && editable.Key is not null ? editable : null);
        }
    }

    private sealed record DraftView(
        string? Model, string Port, bool Usable, List<(string Key, string Value)> Fields, string? Reason, (string Key, string Value)? Editable);
}
