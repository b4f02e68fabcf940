using Designer.Persistence.Data;

namespace Designer.Persistence;

/// <summary>
/// EF Core row of one registered model version (issue 14): the registry's descriptor and lifecycle state, shared by
/// every host on the database. The model file itself lives in the content-addressed model store, named by
/// <see cref="Sha256"/>; callers use <see cref="IModelVersionStore"/>.
/// </summary>
public sealed class ModelVersionEntity : IConcurrencyTracked, IVersionStatusRow
{
    /// <summary>Model id (a lowercase slug such as <c>dispute-risk</c>).</summary>
    public string ModelId { get; set; } = string.Empty;

    /// <summary>Version, 1 upwards.</summary>
    public int Version { get; set; }

    /// <summary>Lifecycle status (<c>PendingApproval</c>, <c>Approved</c>, <c>Rejected</c>, <c>Retired</c>).</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>Lowercase hex SHA-256 of the model file: its name in the model store and its integrity check.</summary>
    public string Sha256 { get; set; } = string.Empty;

    /// <summary>Who trained or registered it (never allowed to approve it).</summary>
    public string TrainedBy { get; set; } = string.Empty;

    /// <summary>Registration time (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Who last changed the status.</summary>
    public string? StatusChangedBy { get; set; }

    /// <summary>When the status last changed.</summary>
    public DateTimeOffset? StatusChangedAt { get; set; }

    /// <summary>The rest of the descriptor (kind, tensors, labels, metrics, text encoder, licence) as the registry's JSON.</summary>
    public string DescriptorJson { get; set; } = string.Empty;

    /// <summary>Optimistic concurrency token, renewed on every update.</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    void IConcurrencyTracked.RenewConcurrencyToken() => ConcurrencyToken = Guid.NewGuid();
}
