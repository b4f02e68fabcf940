namespace Designer.Persistence;

/// <summary>A workflow's metadata.</summary>
/// <param name="Id">Workflow id (a version 7 GUID).</param>
/// <param name="Name">Display name.</param>
/// <param name="CreatedById">Id of the creator.</param>
/// <param name="CreatedByName">Name of the creator.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="UpdatedAt">Time of the last governance change (UTC).</param>
/// <param name="ActiveVersion">Number of the published version that runs, if any.</param>
public sealed record WorkflowRecord(
    Guid Id,
    string Name,
    string? Description,
    string CreatedById,
    string CreatedByName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int? ActiveVersion)
{
    internal static WorkflowRecord From(WorkflowEntity w) =>
        new(w.Id, w.Name, w.Description, w.CreatedById, w.CreatedByName, w.CreatedAt, w.UpdatedAt, w.ActiveVersion);
}
