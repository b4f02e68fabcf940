using System.Text.Json.Nodes;

namespace Designer.Web.Evaluations;

/// <summary>The outcome a dataset case expects; at least one of the two is given.</summary>
/// <param name="End">The id of the End node the run should reach, or null to check only output fields.</param>
/// <param name="Output">Output fields the run should produce (each compared by value), or null to check only the End node.</param>
internal sealed record ExpectedRequest(string? End = null, JsonObject? Output = null);
