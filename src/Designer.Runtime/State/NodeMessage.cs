using System.Text.Json.Serialization;

namespace Designer.Runtime.State;

/// <summary>The one message type flowing along workflow edges: which node left through which port, and the state.</summary>
/// <param name="SourceNode">Node that sent it; empty for the run's first message.</param>
/// <param name="Port">Output port the source left through.</param>
/// <param name="State">Run state after the source completed.</param>
public sealed record NodeMessage(
    [property: JsonPropertyName("sourceNode")] string SourceNode,
    [property: JsonPropertyName("port")] string Port,
    [property: JsonPropertyName("state")] RunState State);
