using System.Text.Json.Nodes;

namespace Designer.Retrieval.Embedded;

/// <summary>What a slot of the graph holds besides its vector.</summary>
internal sealed record SlotRecord(string Id, string? Text, JsonObject Payload);
