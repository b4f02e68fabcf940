namespace Designer.Persistence;

/// <summary>A dataset without its cases.</summary>
/// <param name="Id">Primary key; API routes and evaluations refer to the dataset by it.</param>
/// <param name="Name">Name shown in pickers; versions of one dataset share it.</param>
/// <param name="Version">Version within the name.</param>
/// <param name="WorkflowId">Workflow whose start schema the cases fit.</param>
/// <param name="Description">Free text for reviewers (what the cases cover), or null.</param>
/// <param name="CaseCount">How many cases it holds, kept on the row so lists need not count them.</param>
/// <param name="UsedAt">When first used by an evaluation (then immutable).</param>
/// <param name="CreatedByName">Display name of the user who created it, kept for the list after the account changes.</param>
/// <param name="CreatedAt">When it was created (UTC); lists sort by it.</param>
public sealed record DatasetRecord(
    Guid Id, string Name, int Version, Guid WorkflowId, string? Description, int CaseCount, DateTimeOffset? UsedAt,
    string CreatedByName, DateTimeOffset CreatedAt)
{
    /// <summary>Whether cases may still be added.</summary>
    public bool IsFrozen => UsedAt is not null;

    internal static DatasetRecord From(DatasetEntity e) =>
        new(e.Id, e.Name, e.Version, e.WorkflowId, e.Description, e.CaseCount, e.UsedAt, e.CreatedByName, e.CreatedAt);
}
