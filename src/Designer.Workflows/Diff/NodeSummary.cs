namespace Designer.Workflows.Diff;

/// <summary>Identifies an added or removed node.</summary>
/// <param name="Id">Node id.</param>
/// <param name="Kind">Node kind.</param>
/// <param name="Name">Node name.</param>
public sealed record NodeSummary(string Id, string Kind, string Name);
