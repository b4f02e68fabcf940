namespace Designer.Workflows.Diff;

/// <summary>Identifies an added or removed node.</summary>
public sealed record NodeSummary(string Id, string Kind, string Name);
