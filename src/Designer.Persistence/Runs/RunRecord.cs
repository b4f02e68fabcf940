namespace Designer.Persistence;

/// <summary>A run as stored.</summary>
/// <param name="VersionNumber">Pinned version.</param>
/// <param name="ContentHash">Content hash of that version.</param>
/// <param name="Status">Where the run is in its life; the run list filters on it.</param>
/// <param name="OutputJson">Output JSON, once completed.</param>
/// <param name="EndNode">End node that produced the output.</param>
/// <param name="Error">Why it faulted or was interrupted.</param>
/// <param name="StartedById">Starter id.</param>
/// <param name="StartedByName">Starter name.</param>
/// <param name="StartedAt">Start time (UTC).</param>
/// <param name="EndedAt">End time (UTC), once terminal.</param>
/// <param name="Cost">Accumulated cost.</param>
/// <param name="HumanDecided">True once a human decided a gate.</param>
/// <param name="Owner">The host executing the run, if any.</param>
public sealed record RunRecord(
    Guid Id,
    Guid WorkflowId,
    int VersionNumber,
    string ContentHash,
    RunStatus Status,
    string InputJson,
    string? OutputJson,
    string? EndNode,
    string? Error,
    string StartedById,
    string StartedByName,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    decimal Cost,
    bool HumanDecided,
    string? Owner = null)
{
    /// <summary>True for Completed, Faulted, Cancelled and Interrupted.</summary>
    public bool IsTerminal => RunStatuses.IsTerminal(Status);

    internal static RunRecord From(RunEntity r) => new(
        r.Id, r.WorkflowId, r.VersionNumber, r.ContentHash, r.Status, r.InputJson, r.OutputJson, r.EndNode, r.Error,
        r.StartedById, r.StartedByName, r.StartedAt, r.EndedAt, r.Cost, r.HumanDecided, r.Owner);
}
