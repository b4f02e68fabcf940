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
