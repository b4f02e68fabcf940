using Designer.Persistence.Data;

namespace Designer.Persistence;

/// <summary>EF Core row for a workflow. Callers use <see cref="IWorkflowStore"/> and its records instead.</summary>
public sealed class WorkflowEntity : IConcurrencyTracked
{
    /// <summary>Primary key (a version 7 GUID).</summary>
    public Guid Id { get; set; }

    /// <summary>Display name, at most 200 characters.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Free text from the author about what the workflow does; null when none was given.</summary>
    public string? Description { get; set; }

    /// <summary>Id of the creator.</summary>
    public string CreatedById { get; set; } = string.Empty;

    /// <summary>Name of the creator.</summary>
    public string CreatedByName { get; set; } = string.Empty;

    /// <summary>Creation time (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Time of the last governance change (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Number of the published version that runs, if any.</summary>
    public int? ActiveVersion { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every update.</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    void IConcurrencyTracked.RenewConcurrencyToken() => ConcurrencyToken = Guid.NewGuid();
}
