namespace Designer.Persistence;

/// <summary>An evaluation job.</summary>
/// <param name="Id">Primary key; the API and the worker refer to the job by it.</param>
/// <param name="WorkflowId">Workflow whose draft or version is evaluated.</param>
/// <param name="DatasetId">Dataset whose cases are run against both sides.</param>
/// <param name="CandidateVersion">Candidate version (null: the draft).</param>
/// <param name="CandidateHash">Candidate content hash.</param>
/// <param name="CandidateJson">Candidate definition.</param>
/// <param name="BaselineHash">Baseline content hash.</param>
/// <param name="BaselineJson">Baseline definition.</param>
/// <param name="Status">Where the job is in its life (queued, running, ended and how).</param>
/// <param name="Total">How many cases the job runs; progress is <paramref name="Done"/> of this.</param>
/// <param name="Done">Finished cases.</param>
/// <param name="WorkSeconds">Seconds of work so far.</param>
/// <param name="Error">Why the job failed, shown to the requester; null unless it failed.</param>
/// <param name="CreatedByName">Display name of the user who asked for the evaluation.</param>
/// <param name="CreatedAt">When it was queued (UTC).</param>
/// <param name="StartedAt">Last started.</param>
/// <param name="EndedAt">When it reached a final status; null while it runs.</param>
public sealed record EvaluationRecord(
    Guid Id, Guid WorkflowId, Guid DatasetId, int? CandidateVersion, string CandidateHash, string CandidateJson,
    int? BaselineVersion, string? BaselineHash, string? BaselineJson, EvaluationStatus Status, int Total, int Done,
    double WorkSeconds, bool CancelRequested, string? Error, string CreatedByName, DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? EndedAt)
{
    /// <summary>Whether the job has ended.</summary>
    public bool IsFinished => Status is EvaluationStatus.Succeeded or EvaluationStatus.Cancelled or EvaluationStatus.Failed;

    internal static EvaluationRecord From(EvaluationEntity e) =>
        new(e.Id, e.WorkflowId, e.DatasetId, e.CandidateVersion, e.CandidateHash, e.CandidateJson, e.BaselineVersion,
            e.BaselineHash, e.BaselineJson, e.Status, e.Total, e.Done, e.WorkSeconds, e.CancelRequested, e.Error,
            e.CreatedByName, e.CreatedAt, e.StartedAt, e.EndedAt);
}
