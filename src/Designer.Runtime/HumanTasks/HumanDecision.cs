using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Designer.Runtime.HumanTasks;

/// <summary>The answer to a <see cref="HumanGateRequest"/>.</summary>
/// <param name="NodeId">Gate node id the decision is for.</param>
/// <param name="Decision">One of the request's decisions, or <c>timeout</c>.</param>
/// <param name="Actor">Who decided (user name, or <c>system:sla</c>).</param>
/// <param name="Fields">Values for the request's editable fields.</param>
/// <param name="Correction">The reviewer's edit of a model's draft (what it should have said), if any.</param>
public sealed record HumanDecision(
    [property: JsonPropertyName("nodeId")] string NodeId,
    [property: JsonPropertyName("decision")] string Decision,
    [property: JsonPropertyName("actor")] string Actor,
    [property: JsonPropertyName("comment")] string? Comment = null,
    [property: JsonPropertyName("fields")] JsonObject? Fields = null,
    [property: JsonPropertyName("correction")] string? Correction = null)
{
    /// <summary>The decision that times a gate out.</summary>
    public const string Timeout = "timeout";
}
