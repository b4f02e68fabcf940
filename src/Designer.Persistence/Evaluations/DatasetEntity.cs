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
