namespace Designer.Persistence;

/// <summary>A workflow API key as callers see it (no secret, no hash).</summary>
/// <param name="WorkflowId">The workflow it may start.</param>
/// <param name="Name">What it is for.</param>
/// <param name="Prefix">Its visible start.</param>
/// <param name="Signed">Whether deliveries must carry an HMAC signature.</param>
/// <param name="CreatedById">Creator id.</param>
/// <param name="CreatedByName">Creator name.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="RotatedAt">Last rotation.</param>
/// <param name="LastUsedAt">Last authenticated delivery.</param>
/// <param name="RevokedAt">Revocation time.</param>
public sealed record WorkflowApiKeyRecord(
    Guid Id, Guid WorkflowId, string Name, string Prefix, bool Signed, string CreatedById, string CreatedByName,
    DateTimeOffset CreatedAt, DateTimeOffset? RotatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    /// <summary>Whether it was revoked.</summary>
    public bool Revoked => RevokedAt is not null;

    internal static WorkflowApiKeyRecord From(WorkflowApiKeyEntity e) => new(
        e.Id, e.WorkflowId, e.Name, e.Prefix, e.SigningSecretProtected is not null, e.CreatedById, e.CreatedByName,
        e.CreatedAt, e.RotatedAt, e.LastUsedAt, e.RevokedAt);
}

/// <summary>What authenticating a key needs: its hash and (encrypted) signing secret.</summary>
/// <param name="Key">The key as callers see it (name, prefix, state), without its secrets.</param>
/// <param name="SecretHash">Hex SHA-256 of the whole key.</param>
/// <param name="SigningSecretProtected">Encrypted HMAC secret, if deliveries are signed.</param>
public sealed record WorkflowApiKeyCredential(WorkflowApiKeyRecord Key, string SecretHash, string? SigningSecretProtected);

/// <summary>The new secret material of a key (created or rotated); the store keeps only what it is given here.</summary>
/// <param name="Prefix">Visible start of the key.</param>
/// <param name="SecretHash">Hex SHA-256 of the whole key.</param>
/// <param name="SigningSecretProtected">Encrypted HMAC secret, or null for unsigned deliveries.</param>
public sealed record WorkflowApiKeySecret(string Prefix, string SecretHash, string? SigningSecretProtected);

/// <summary>The outcome of claiming an idempotency key for a delivery.</summary>
public abstract record WebhookClaim
{
    private WebhookClaim()
    {
    }

    /// <summary>First delivery with this key: the caller starts the run and records it.</summary>
    public sealed record Claimed : WebhookClaim;

    /// <summary>Delivered before with the same body; <paramref name="RunId"/> is null while that start is in progress.</summary>
    /// <param name="RunId">The first run.</param>
    public sealed record Repeated(Guid? RunId) : WebhookClaim;

    /// <summary>Delivered before with a different body.</summary>
    public sealed record BodyMismatch : WebhookClaim;

    /// <summary>The workflow does not exist (nothing was claimed).</summary>
    public sealed record WorkflowNotFound : WebhookClaim;
}
