using Designer.Persistence.Data;

namespace Designer.Persistence;

/// <summary>
/// EF Core row of one chat-model version (issue 14): where it is served, its lifecycle and who registered and
/// reviewed it, shared by every host on the database. Never holds an API key (only a secret's name, inside
/// <see cref="VersionJson"/>); callers use <see cref="IChatModelVersionStore"/>.
/// </summary>
public sealed class ChatModelVersionEntity : IConcurrencyTracked, IVersionStatusRow
{
    /// <summary>Chat-model id (a lowercase slug).</summary>
    public string ModelId { get; set; } = string.Empty;

    /// <summary>Version, 1 upwards.</summary>
    public int Version { get; set; }

    /// <summary>Lifecycle status (<c>PendingApproval</c>, <c>Approved</c>, <c>Rejected</c>, <c>Retired</c>).</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>Who registered it (never allowed to approve it).</summary>
    public string RegisteredBy { get; set; } = string.Empty;

    /// <summary>Registration time (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Who last changed the status.</summary>
    public string? StatusChangedBy { get; set; }

    /// <summary>When the status last changed.</summary>
    public DateTimeOffset? StatusChangedAt { get; set; }

    /// <summary>The rest of the version (provider, endpoint, model name, prices, secret name) as the registry's JSON.</summary>
    public string VersionJson { get; set; } = string.Empty;

    /// <summary>Optimistic concurrency token, renewed on every update.</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    void IConcurrencyTracked.RenewConcurrencyToken() => ConcurrencyToken = Guid.NewGuid();
}
