using Designer.Persistence.Data;

namespace Designer.Persistence;

/// <summary>EF Core row for a submitted workflow version. Its content never changes once inserted.</summary>
public sealed class WorkflowVersionEntity : IConcurrencyTracked
{
    /// <summary>The workflow this version belongs to (part of the primary key).</summary>
    public Guid WorkflowId { get; set; }

    /// <summary>Version number, 1-based and unique per workflow (part of the primary key).</summary>
    public int Number { get; set; }

    /// <summary>Canonical JSON of the definition. Immutable.</summary>
    public string CanonicalJson { get; set; } = string.Empty;

    /// <summary>Content hash of <see cref="CanonicalJson"/>. Immutable.</summary>
    public string ContentHash { get; set; } = string.Empty;

    /// <summary>Id of the author (submitter). Immutable.</summary>
    public string AuthorId { get; set; } = string.Empty;

    /// <summary>Name of the author. Immutable.</summary>
    public string AuthorName { get; set; } = string.Empty;

    /// <summary>Submission time (UTC). Immutable.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Review state.</summary>
    public VersionStatus Status { get; set; }

    /// <summary>Id of the reviewer, once reviewed.</summary>
    public string? ReviewedById { get; set; }

    /// <summary>Name of the reviewer, once reviewed.</summary>
    public string? ReviewedByName { get; set; }

    /// <summary>Review time (UTC), once reviewed.</summary>
    public DateTimeOffset? ReviewedAt { get; set; }

    /// <summary>Reviewer's comment (required for rejections).</summary>
    public string? ReviewComment { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every update.</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    void IConcurrencyTracked.RenewConcurrencyToken() => ConcurrencyToken = Guid.NewGuid();
}
