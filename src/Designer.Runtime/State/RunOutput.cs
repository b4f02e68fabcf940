using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Designer.Runtime.State;

/// <summary>What an end node yields as the run's output.</summary>
/// <param name="EndNode">The end node that produced it.</param>
/// <param name="Output">The mapped output.</param>
public sealed record RunOutput(
    [property: JsonPropertyName("endNode")] string EndNode,
    [property: JsonPropertyName("output")] JsonObject Output);
