using System.Text.Json.Nodes;

namespace Designer.Workflows.Diff;

/// <summary>One changed value.</summary>
/// <param name="Path">Where, e.g. <c>name</c> or <c>config.rules[0].expression</c>.</param>
/// <param name="Before">Old value; null when the field was added.</param>
/// <param name="After">New value; null when the field was removed.</param>
public sealed record FieldChange(string Path, JsonNode? Before, JsonNode? After);
