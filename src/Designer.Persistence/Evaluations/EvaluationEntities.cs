using Designer.Persistence.Data;

namespace Designer.Persistence;

/// <summary>
/// EF Core row for one version of a named evaluation dataset. Callers use <see cref="IEvaluationStore"/>; a dataset
/// is frozen (<see cref="UsedAt"/> set) by the first evaluation that uses it, and changing it then means a new version.
/// </summary>
public sealed class DatasetEntity : IConcurrencyTracked
{
    /// <summary>Primary key (a version 7 GUID).</summary>
    public Guid Id { get; set; }

    /// <summary>The dataset's name; (name, version) is unique.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>1 for the first dataset of a name, then one more for each new one.</summary>
    public int Version { get; set; }

    /// <summary>The workflow whose start schema every case fits.</summary>
    public Guid WorkflowId { get; set; }

    /// <summary>Free-text description (how it was made).</summary>
    public string? Description { get; set; }

    /// <summary>Number of cases.</summary>
    public int CaseCount { get; set; }

    /// <summary>When an evaluation first used it; from then on it is immutable.</summary>
    public DateTimeOffset? UsedAt { get; set; }

    /// <summary>Creator id.</summary>
    public string CreatedById { get; set; } = string.Empty;

    /// <summary>Creator display name.</summary>
    public string CreatedByName { get; set; } = string.Empty;

    /// <summary>Creation time (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every update.</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    void IConcurrencyTracked.RenewConcurrencyToken() => ConcurrencyToken = Guid.NewGuid();
}

/// <summary>EF Core row for one case of a dataset: a run input and the outcome that was right.</summary>
public sealed class DatasetCaseEntity
{
    /// <summary>Dataset this case belongs to.</summary>
    public Guid DatasetId { get; set; }

    /// <summary>1-based number within the dataset.</summary>
    public int Number { get; set; }

    /// <summary>The run input (JSON object).</summary>
    public string InputJson { get; set; } = "{}";

    /// <summary>The End node id that is right for this input, if labelled by outcome.</summary>
    public string? ExpectedEnd { get; set; }

    /// <summary>Named output fields that are right (JSON object), if labelled by output.</summary>
    public string? ExpectedOutputJson { get; set; }

    /// <summary>Tags (JSON array of strings), e.g. <c>critical</c>.</summary>
    public string TagsJson { get; set; } = "[]";

    /// <summary>The run the case was taken from, if any.</summary>
    public Guid? SourceRunId { get; set; }

    /// <summary>Where the label came from: <c>human</c>, <c>outcome</c>, <c>upload</c>, <c>generator</c>.</summary>
    public string LabelSource { get; set; } = string.Empty;
}

/// <summary>EF Core row for an offline shadow evaluation: a durable background job over one dataset.</summary>
public sealed class EvaluationEntity : IConcurrencyTracked
{
    /// <summary>Primary key (a version 7 GUID).</summary>
    public Guid Id { get; set; }

    /// <summary>Workflow whose draft or version is evaluated.</summary>
    public Guid WorkflowId { get; set; }

    /// <summary>The dataset (frozen by this evaluation).</summary>
    public Guid DatasetId { get; set; }

    /// <summary>The candidate's version number, or null for the draft.</summary>
    public int? CandidateVersion { get; set; }

    /// <summary>Content hash of the candidate definition.</summary>
    public string CandidateHash { get; set; } = string.Empty;

    /// <summary>The candidate definition frozen at start (a draft keeps changing), canonical JSON.</summary>
    public string CandidateJson { get; set; } = string.Empty;

    /// <summary>The baseline's version number, or null when there is none (first version).</summary>
    public int? BaselineVersion { get; set; }

    /// <summary>Content hash of the baseline definition.</summary>
    public string? BaselineHash { get; set; }

    /// <summary>The baseline definition, canonical JSON.</summary>
    public string? BaselineJson { get; set; }

    /// <summary>Queued, Running, Succeeded, Cancelled or Failed.</summary>
    public EvaluationStatus Status { get; set; }

    /// <summary>Cases in the dataset.</summary>
    public int Total { get; set; }

    /// <summary>Cases finished (their results are stored).</summary>
    public int Done { get; set; }

    /// <summary>Seconds spent working on cases, summed over every (re)start: the basis of rate and ETA.</summary>
    public double WorkSeconds { get; set; }

    /// <summary>Set by a cancel request; the worker stops after the case in hand.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>Why it failed.</summary>
    public string? Error { get; set; }

    /// <summary>Requester id.</summary>
    public string CreatedById { get; set; } = string.Empty;

    /// <summary>Requester display name.</summary>
    public string CreatedByName { get; set; } = string.Empty;

    /// <summary>When it was requested (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a worker last started it.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>Last change.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every update.</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    void IConcurrencyTracked.RenewConcurrencyToken() => ConcurrencyToken = Guid.NewGuid();
}

/// <summary>EF Core row for one finished case of an evaluation; written as the case finishes, never rewritten.</summary>
public sealed class EvaluationCaseEntity
{
    /// <summary>Evaluation this case result belongs to.</summary>
    public Guid EvaluationId { get; set; }

    /// <summary>The dataset case number.</summary>
    public int CaseNumber { get; set; }

    /// <summary>The baseline side's shadow result (JSON), null without a baseline.</summary>
    public string? BaselineJson { get; set; }

    /// <summary>The candidate side's shadow result (JSON).</summary>
    public string CandidateJson { get; set; } = "{}";

    /// <summary>When it finished.</summary>
    public DateTimeOffset CompletedAt { get; set; }
}

/// <summary>EF Core row for a workflow's failure budget: what an evaluation must show before approval.</summary>
public sealed class WorkflowBudgetEntity
{
    /// <summary>The workflow (one budget each).</summary>
    public Guid WorkflowId { get; set; }

    /// <summary>Largest acceptable wrong-automatic-decision rate, 0..1.</summary>
    public double? MaxWrongAutomaticRate { get; set; }

    /// <summary>Smallest acceptable automation rate, 0..1.</summary>
    public double? MinAutomationRate { get; set; }

    /// <summary>Largest acceptable p95 decision latency in milliseconds.</summary>
    public double? MaxP95LatencyMs { get; set; }

    /// <summary>Whether a case tagged <c>critical</c> may not newly fail.</summary>
    public bool NoNewlyFailingCritical { get; set; }

    /// <summary>Who set it.</summary>
    public string UpdatedById { get; set; } = string.Empty;

    /// <summary>When it was set.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Where an evaluation stands.</summary>
public enum EvaluationStatus
{
    /// <summary>Waiting for the worker.</summary>
    Queued,

    /// <summary>Being worked on (or interrupted: resumed on the next start).</summary>
    Running,

    /// <summary>Every case finished.</summary>
    Succeeded,

    /// <summary>Stopped on request; finished cases are kept.</summary>
    Cancelled,

    /// <summary>Stopped by an error.</summary>
    Failed,
}
