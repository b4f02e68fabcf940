using Designer.Persistence.Data;

namespace Designer.Persistence;

/// <summary>EF Core row for a human task. Callers use <see cref="IRunStore"/> and <see cref="HumanTaskRecord"/>.</summary>
public sealed class HumanTaskEntity : IConcurrencyTracked
{
    /// <summary>Primary key (a version 7 GUID).</summary>
    public Guid Id { get; set; }

    /// <summary>Run whose gate node opened the task.</summary>
    public Guid RunId { get; set; }

    /// <summary>Gate node id.</summary>
    public string NodeId { get; set; } = string.Empty;

    /// <summary>The gate request's idempotency key (runId:nodeId:attempt); unique.</summary>
    public string RequestId { get; set; } = string.Empty;

    /// <summary>Role whose members may decide.</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>Rendered instructions.</summary>
    public string Instructions { get; set; } = string.Empty;

    /// <summary>Evidence so far (JSON array).</summary>
    public string EvidenceJson { get; set; } = "[]";

    /// <summary>Allowed decisions (JSON array of strings).</summary>
    public string DecisionsJson { get; set; } = "[]";

    /// <summary>Editable fields (JSON array of strings).</summary>
    public string EditableFieldsJson { get; set; } = "[]";

    /// <summary>Pending until decided, timed out or cancelled; only pending tasks accept a decision.</summary>
    public HumanTaskStatus Status { get; set; }

    /// <summary>Creation time (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>SLA due time (UTC), if any.</summary>
    public DateTimeOffset? Due { get; set; }

    /// <summary>Id of the decider.</summary>
    public string? DecidedById { get; set; }

    /// <summary>Name of the decider.</summary>
    public string? DecidedByName { get; set; }

    /// <summary>The decision taken; null while pending.</summary>
    public string? Decision { get; set; }

    /// <summary>The decider's comment.</summary>
    public string? Comment { get; set; }

    /// <summary>Edited field values (JSON object).</summary>
    public string? EditsJson { get; set; }

    /// <summary>The reviewer's edit of a model's draft: what the model should have said (labelled data).</summary>
    public string? Correction { get; set; }

    /// <summary>Decision time (UTC).</summary>
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every update.</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    void IConcurrencyTracked.RenewConcurrencyToken() => ConcurrencyToken = Guid.NewGuid();
}
