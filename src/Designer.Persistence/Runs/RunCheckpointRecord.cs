namespace Designer.Persistence;

/// <summary>One stored checkpoint of a run.</summary>
/// <param name="ParentId">The checkpoint it follows.</param>
/// <param name="Json">MAF's checkpoint JSON, verbatim.</param>
/// <param name="CreatedAt">Write time (UTC).</param>
public sealed record RunCheckpointRecord(string CheckpointId, string? ParentId, string Json, DateTimeOffset CreatedAt);
