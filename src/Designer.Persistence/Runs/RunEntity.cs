using Designer.Persistence.Data;

namespace Designer.Persistence;

/// <summary>EF Core row for a run. Callers use <see cref="IRunStore"/> and <see cref="RunRecord"/> instead.</summary>
public sealed class RunEntity : IConcurrencyTracked
{
    /// <summary>Primary key (a version 7 GUID).</summary>
    public Guid Id { get; set; }

    /// <summary>Workflow the run belongs to.</summary>
    public Guid WorkflowId { get; set; }

    /// <summary>The version the run is pinned to.</summary>
    public int VersionNumber { get; set; }

    /// <summary>Content hash of that version.</summary>
    public string ContentHash { get; set; } = string.Empty;

    /// <summary>Where the run is in its life; the run list and recovery filter on it.</summary>
    public RunStatus Status { get; set; }

    /// <summary>The start input as a JSON object; with the vault on, detected personal values are stored as tokens.</summary>
    public string InputJson { get; set; } = "{}";

    /// <summary>Run output JSON, once completed.</summary>
    public string? OutputJson { get; set; }

    /// <summary>The end node that produced the output.</summary>
    public string? EndNode { get; set; }

    /// <summary>Why it faulted or was interrupted.</summary>
    public string? Error { get; set; }

    /// <summary>Id of the starter.</summary>
    public string StartedById { get; set; } = string.Empty;

    /// <summary>Name of the starter.</summary>
    public string StartedByName { get; set; } = string.Empty;

    /// <summary>Start time (UTC).</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>End time (UTC), once terminal.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Accumulated cost.</summary>
    public decimal Cost { get; set; }

    /// <summary>True once a human decided a gate of this run.</summary>
    public bool HumanDecided { get; set; }

    /// <summary>
    /// The host (silo address, or process id on a single host) executing the run; a Running run whose owner is no
    /// longer alive is resumed by another host.
    /// </summary>
    public string? Owner { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every update.</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    void IConcurrencyTracked.RenewConcurrencyToken() => ConcurrencyToken = Guid.NewGuid();
}
