using System.Text.Json.Nodes;

namespace Designer.Runtime.Executors;

/// <summary>What a node execution produced.</summary>
/// <param name="Port">Output port to leave through.</param>
/// <param name="Output">Stored as <c>nodes.&lt;id&gt;</c>.</param>
internal sealed record NodeOutcome(string Port, JsonNode? Output)
{
    /// <summary>The effective input, for the trace.</summary>
    public JsonNode? Input { get; init; }

    /// <summary>Kind-specific trace data (evidence, scores, verdict).</summary>
    public JsonObject? Data { get; init; }

    /// <summary>Cost of this execution.</summary>
    public decimal? Cost { get; init; }
}
