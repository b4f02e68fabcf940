using Designer.Persistence.Data;

namespace Designer.Persistence;

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
