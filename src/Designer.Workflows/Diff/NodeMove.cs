using Designer.Workflows.Definitions;

namespace Designer.Workflows.Diff;

/// <summary>A node whose canvas position changed.</summary>
/// <param name="Before">Old position.</param>
public sealed record NodeMove(string Id, NodePosition Before, NodePosition After);
