namespace Designer.Workflows.Diff;

/// <summary>A node present in both versions whose kind, name or config changed.</summary>
/// <param name="Changes">Per-field changes, in path order.</param>
public sealed record NodeChange(string Id, IReadOnlyList<FieldChange> Changes);
