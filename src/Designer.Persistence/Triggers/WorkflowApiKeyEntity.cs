using Designer.Persistence.Data;

namespace Designer.Persistence;

/// <summary>
/// EF Core row for an API key scoped to one workflow (issue 16): it authenticates that workflow's webhook only.
/// The secret itself is never stored, only its SHA-256; callers use <see cref="IWorkflowApiKeyStore"/>.
/// </summary>
public sealed class WorkflowApiKeyEntity : IConcurrencyTracked
{
    /// <summary>Primary key (a version 7 GUID).</summary>
    public Guid Id { get; set; }

    /// <summary>The one workflow the key may start.</summary>
    public Guid WorkflowId { get; set; }

    /// <summary>What the key is for (e.g. the calling system's name).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The key's visible start (e.g. <c>dsk_ab12cd34ef56</c>), unique, for identification and lookup.</summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public string SecretHash { get; set; } = string.Empty;

    /// <summary>The HMAC signing secret, encrypted by the host (Data Protection); null when deliveries are not signed.</summary>
    public string? SigningSecretProtected { get; set; }

    /// <summary>Who created it.</summary>
    public string CreatedById { get; set; } = string.Empty;

    /// <summary>Their display name.</summary>
    public string CreatedByName { get; set; } = string.Empty;

    /// <summary>Creation time (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the secret was last replaced.</summary>
    public DateTimeOffset? RotatedAt { get; set; }

    /// <summary>When a delivery last authenticated with it.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>When it was revoked; a revoked key authenticates nothing.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every update.</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    void IConcurrencyTracked.RenewConcurrencyToken() => ConcurrencyToken = Guid.NewGuid();
}
