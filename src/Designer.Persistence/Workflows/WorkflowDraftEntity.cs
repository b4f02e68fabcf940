using Designer.Persistence.Data;

namespace Designer.Persistence;

/// <summary>EF Core row for the editable draft of a workflow (one per workflow).</summary>
public sealed class WorkflowDraftEntity : IConcurrencyTracked
{
    /// <summary>Primary key and foreign key to <see cref="WorkflowEntity"/>.</summary>
    public Guid WorkflowId { get; set; }

    /// <summary>The draft definition as JSON.</summary>
    public string DefinitionJson { get; set; } = string.Empty;

    /// <summary>Optimistic concurrency token (the draft's ETag), renewed on every update.</summary>
    public Guid ETag { get; set; } = Guid.NewGuid();

    /// <summary>Id of the last editor.</summary>
    public string UpdatedById { get; set; } = string.Empty;

    /// <summary>Name of the last editor.</summary>
    public string UpdatedByName { get; set; } = string.Empty;

    /// <summary>Time of the last save (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    void IConcurrencyTracked.RenewConcurrencyToken() => ETag = Guid.NewGuid();
}
