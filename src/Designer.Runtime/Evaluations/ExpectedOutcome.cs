using System.Text.Json.Nodes;

namespace Designer.Runtime.Evaluations;

/// <summary>The decision that was right for a case: the End node reached and/or named output fields.</summary>
/// <param name="End">The End node id, or null to judge by output fields only.</param>
/// <param name="Output">Output fields that must be equal, or null.</param>
public sealed record ExpectedOutcome(string? End, JsonObject? Output);
