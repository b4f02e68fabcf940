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

/// <summary>One case of a dataset.</summary>
/// <param name="Number">1-based number.</param>
/// <param name="InputJson">Run input.</param>
/// <param name="ExpectedEnd">Expected End node id.</param>
/// <param name="ExpectedOutputJson">Expected output fields (JSON object).</param>
/// <param name="Tags">Labels that let an evaluation report slices (e.g. <c>critical</c>).</param>
/// <param name="LabelSource">Where the label came from.</param>
public sealed record DatasetCaseRecord(
    int Number, string InputJson, string? ExpectedEnd, string? ExpectedOutputJson, IReadOnlyList<string> Tags,
    Guid? SourceRunId, string LabelSource)
{
    internal static DatasetCaseRecord From(DatasetCaseEntity e) =>
        new(e.Number, e.InputJson, e.ExpectedEnd, e.ExpectedOutputJson,
            System.Text.Json.JsonSerializer.Deserialize<string[]>(e.TagsJson) ?? [], e.SourceRunId, e.LabelSource);
}

/// <summary>A case to add (numbers are assigned by the store).</summary>
/// <param name="InputJson">Run input.</param>
/// <param name="ExpectedEnd">Expected End node id.</param>
/// <param name="ExpectedOutputJson">Expected output fields.</param>
/// <param name="Tags">Labels that let an evaluation report slices (e.g. <c>critical</c>).</param>
/// <param name="LabelSource">Where the label came from.</param>
public sealed record NewDatasetCase(
    string InputJson, string? ExpectedEnd, string? ExpectedOutputJson, IReadOnlyList<string> Tags, Guid? SourceRunId, string LabelSource);

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

/// <summary>A new evaluation.</summary>
/// <param name="WorkflowId">Workflow whose draft or version is evaluated.</param>
/// <param name="DatasetId">Dataset whose cases are run against both sides.</param>
/// <param name="CandidateVersion">Candidate version (null: the draft).</param>
/// <param name="CandidateHash">Candidate content hash.</param>
/// <param name="CandidateJson">Candidate definition.</param>
/// <param name="BaselineJson">Baseline definition.</param>
public sealed record NewEvaluation(
    Guid WorkflowId, Guid DatasetId, int? CandidateVersion, string CandidateHash, string CandidateJson,
    int? BaselineVersion, string? BaselineHash, string? BaselineJson);

/// <summary>One finished case of an evaluation.</summary>
/// <param name="CaseNumber">Dataset case number.</param>
/// <param name="BaselineJson">Baseline shadow result.</param>
/// <param name="CandidateJson">Candidate shadow result.</param>
public sealed record EvaluationCaseRecord(int CaseNumber, string? BaselineJson, string CandidateJson);

/// <summary>A workflow's failure budget.</summary>
/// <param name="WorkflowId">Workflow the budget gates; one budget per workflow.</param>
/// <param name="MaxWrongAutomaticRate">Largest wrong-automatic rate, 0..1.</param>
/// <param name="MinAutomationRate">Smallest automation rate, 0..1.</param>
/// <param name="MaxP95LatencyMs">Largest p95 decision latency.</param>
/// <param name="NoNewlyFailingCritical">No critical case may newly fail.</param>
public sealed record WorkflowBudgetRecord(
    Guid WorkflowId, double? MaxWrongAutomaticRate, double? MinAutomationRate, double? MaxP95LatencyMs, bool NoNewlyFailingCritical)
{
    internal static WorkflowBudgetRecord From(WorkflowBudgetEntity e) =>
        new(e.WorkflowId, e.MaxWrongAutomaticRate, e.MinAutomationRate, e.MaxP95LatencyMs, e.NoNewlyFailingCritical);
}
