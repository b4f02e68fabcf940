namespace Designer.Persistence;

/// <summary>A dataset without its cases.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="Version">Version within the name.</param>
/// <param name="WorkflowId">Workflow whose start schema the cases fit.</param>
/// <param name="Description">Description.</param>
/// <param name="CaseCount">Cases.</param>
/// <param name="UsedAt">When first used by an evaluation (then immutable).</param>
/// <param name="CreatedByName">Creator.</param>
/// <param name="CreatedAt">Created.</param>
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
/// <param name="Tags">Tags.</param>
/// <param name="SourceRunId">Source run.</param>
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
/// <param name="Tags">Tags.</param>
/// <param name="SourceRunId">Source run.</param>
/// <param name="LabelSource">Where the label came from.</param>
public sealed record NewDatasetCase(
    string InputJson, string? ExpectedEnd, string? ExpectedOutputJson, IReadOnlyList<string> Tags, Guid? SourceRunId, string LabelSource);

/// <summary>An evaluation job.</summary>
/// <param name="Id">Id.</param>
/// <param name="WorkflowId">Workflow.</param>
/// <param name="DatasetId">Dataset.</param>
/// <param name="CandidateVersion">Candidate version (null: the draft).</param>
/// <param name="CandidateHash">Candidate content hash.</param>
/// <param name="CandidateJson">Candidate definition.</param>
/// <param name="BaselineVersion">Baseline version.</param>
/// <param name="BaselineHash">Baseline content hash.</param>
/// <param name="BaselineJson">Baseline definition.</param>
/// <param name="Status">Status.</param>
/// <param name="Total">Cases.</param>
/// <param name="Done">Finished cases.</param>
/// <param name="WorkSeconds">Seconds of work so far.</param>
/// <param name="CancelRequested">Cancel requested.</param>
/// <param name="Error">Error.</param>
/// <param name="CreatedByName">Requester.</param>
/// <param name="CreatedAt">Requested.</param>
/// <param name="StartedAt">Last started.</param>
/// <param name="EndedAt">Ended.</param>
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
/// <param name="WorkflowId">Workflow.</param>
/// <param name="DatasetId">Dataset.</param>
/// <param name="CandidateVersion">Candidate version (null: the draft).</param>
/// <param name="CandidateHash">Candidate content hash.</param>
/// <param name="CandidateJson">Candidate definition.</param>
/// <param name="BaselineVersion">Baseline version.</param>
/// <param name="BaselineHash">Baseline hash.</param>
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
/// <param name="WorkflowId">Workflow.</param>
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
