using Designer.Hosting;

namespace Designer.Persistence;

/// <summary>
/// Workflow API keys and idempotent webhook deliveries (issue 16). Every create, rotate and revoke writes its audit
/// entry in the same transaction.
/// </summary>
public interface IWorkflowApiKeyStore
{
    /// <summary>Creates a key for a workflow. NotFound when the workflow does not exist.</summary>
    Task<OperationResult<WorkflowApiKeyRecord>> CreateAsync(Guid workflowId, string name, WorkflowApiKeySecret secret, Actor actor, CancellationToken cancellationToken);

    /// <summary>The workflow's keys, newest first, revoked ones included.</summary>
    Task<IReadOnlyList<WorkflowApiKeyRecord>> ListAsync(Guid workflowId, CancellationToken cancellationToken);

    /// <summary>Replaces a key's secret (the old one stops working at once). NotFound / InvalidState when revoked.</summary>
    Task<OperationResult<WorkflowApiKeyRecord>> RotateAsync(Guid workflowId, Guid keyId, WorkflowApiKeySecret secret, Actor actor, CancellationToken cancellationToken);

    /// <summary>Revokes a key. NotFound / InvalidState when already revoked.</summary>
    Task<OperationResult<WorkflowApiKeyRecord>> RevokeAsync(Guid workflowId, Guid keyId, Actor actor, CancellationToken cancellationToken);

    /// <summary>The key with this prefix, revoked or not; null when none.</summary>
    Task<WorkflowApiKeyCredential?> FindByPrefixAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Records that a delivery authenticated with the key.</summary>
    Task TouchAsync(Guid keyId, CancellationToken cancellationToken);

    /// <summary>Claims an idempotency key for a delivery, or reports the earlier delivery with that key.</summary>
    Task<WebhookClaim> ClaimDeliveryAsync(Guid workflowId, string idempotencyKey, string bodyHash, Guid apiKeyId, CancellationToken cancellationToken);

    /// <summary>Records the run a claimed delivery started.</summary>
    Task CompleteDeliveryAsync(Guid workflowId, string idempotencyKey, Guid runId, CancellationToken cancellationToken);

    /// <summary>Forgets a claim whose start was refused, so a corrected redelivery may use the key.</summary>
    Task ReleaseDeliveryAsync(Guid workflowId, string idempotencyKey, CancellationToken cancellationToken);
}
