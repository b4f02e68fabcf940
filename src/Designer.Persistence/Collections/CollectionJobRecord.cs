namespace Designer.Persistence;

/// <summary>A background job as callers see it.</summary>
/// <param name="Id">Primary key; the jobs API refers to the job by it.</param>
/// <param name="CollectionId">Collection whose documents the job processes.</param>
/// <param name="Kind">What it does.</param>
/// <param name="Status">Where it is.</param>
/// <param name="Total">Documents to process.</param>
/// <param name="Done">Documents processed.</param>
/// <param name="Cursor">Re-embedding resume point.</param>
/// <param name="TargetVersion">Re-embedding target version.</param>
/// <param name="CancelRequested">A cancel was asked for.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="CreatedAt">Queued at.</param>
/// <param name="StartedAt">Current attempt start.</param>
/// <param name="DoneAtStart">Done when the current attempt started.</param>
/// <param name="UpdatedAt">Last progress.</param>
/// <param name="EndedAt">Terminal time.</param>
public sealed record CollectionJobRecord(
    Guid Id,
    Guid CollectionId,
    CollectionJobKind Kind,
    CollectionJobStatus Status,
    int Total,
    int Done,
    string? Cursor,
    int? TargetVersion,
    bool CancelRequested,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    int DoneAtStart,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? EndedAt)
{
    /// <summary>True once succeeded, failed or cancelled.</summary>
    public bool IsTerminal => Status is CollectionJobStatus.Succeeded or CollectionJobStatus.Failed or CollectionJobStatus.Cancelled;

    internal static CollectionJobRecord From(CollectionJobEntity e) => new(
        e.Id, e.CollectionId, e.Kind, e.Status, e.Total, e.Done, e.Cursor, e.TargetVersion, e.CancelRequested, e.Error,
        e.CreatedAt, e.StartedAt, e.DoneAtStart, e.UpdatedAt, e.EndedAt);
}
