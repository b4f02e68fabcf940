using System.Text.Json.Nodes;

namespace Designer.Web.Runs;

/// <summary>One trace event as the API shows it.</summary>
internal sealed record TraceEventResponse(long Sequence, string Kind, string? NodeId, DateTimeOffset Timestamp, JsonNode? Event)
{
    public static TraceEventResponse From(TraceEventRecord e) => new(e.Sequence, e.Kind, e.NodeId, e.Timestamp, JsonNode.Parse(RunVaultTokens.ToMasks(e.Json)));
}
