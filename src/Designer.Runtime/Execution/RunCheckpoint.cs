namespace Designer.Runtime.Execution;

/// <summary>One stored MAF checkpoint of a run.</summary>
/// <param name="ParentId">The checkpoint it follows, if any.</param>
/// <param name="Json">MAF's checkpoint JSON, verbatim.</param>
/// <param name="CreatedAt">When it was written.</param>
public sealed record RunCheckpoint(string CheckpointId, string? ParentId, string Json, DateTimeOffset CreatedAt);
