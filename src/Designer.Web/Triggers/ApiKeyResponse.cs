namespace Designer.Web.Triggers;

/// <summary>A workflow API key as the API shows it; <see cref="Key"/> and <see cref="SigningSecret"/> only in the create/rotate response.</summary>
internal sealed record ApiKeyResponse(
    Guid Id, Guid WorkflowId, string Name, string Prefix, bool Signed, string CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? RotatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string HookUrl, string? Key = null, string? SigningSecret = null)
{
    public static ApiKeyResponse From(WorkflowApiKeyRecord key, string? secret = null, string? signingSecret = null) => new(
        key.Id, key.WorkflowId, key.Name, key.Prefix, key.Signed, key.CreatedByName, key.CreatedAt, key.RotatedAt, key.LastUsedAt,
        key.RevokedAt, WebhookEndpoints.PathFor(key.WorkflowId), secret, signingSecret);
}
