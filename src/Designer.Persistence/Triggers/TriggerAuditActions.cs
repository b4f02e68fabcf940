namespace Designer.Persistence;

/// <summary>Audit actions of workflow API keys (entity type <c>workflow</c>, the key id and prefix in the data, never the secret).</summary>
public static class TriggerAuditActions
{
    /// <summary>A key was created.</summary>
    public const string ApiKeyCreated = "workflow.api-key.created";

    /// <summary>A key's secret was replaced.</summary>
    public const string ApiKeyRotated = "workflow.api-key.rotated";

    /// <summary>A key was revoked.</summary>
    public const string ApiKeyRevoked = "workflow.api-key.revoked";
}
