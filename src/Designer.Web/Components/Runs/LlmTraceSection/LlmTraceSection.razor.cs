using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.Runs;

/// <summary>The run inspector's language-model section: redacted prompt, raw and parsed reply, tokens, cost, calls.</summary>
public sealed partial class LlmTraceSection
{
    /// <summary>The <c>llm</c> block of a chat node's trace data; nothing renders when null.</summary>
    [Parameter]
    public JsonObject? Llm { get; set; }

    private JsonObject? Usage => Llm?["usage"] as JsonObject;
}
