namespace Designer.Persistence;

/// <summary>
/// EF Core row for one idempotent webhook delivery (issue 16): the caller's <c>Idempotency-Key</c> per workflow, the
/// hash of the body it came with and the run it started, so a redelivery returns the first run even after a restart.
/// </summary>
public sealed class WebhookDeliveryEntity
{
    /// <summary>Workflow whose webhook received the delivery.</summary>
    public Guid WorkflowId { get; set; }

    /// <summary>The caller's idempotency key.</summary>
    public string IdempotencyKey { get; set; } = string.Empty;

    /// <summary>Lower-case hex SHA-256 of the raw body.</summary>
    public string BodyHash { get; set; } = string.Empty;

    /// <summary>The run it started; null while the start is in progress (or refused and about to be released).</summary>
    public Guid? RunId { get; set; }

    /// <summary>The key that delivered it.</summary>
    public Guid ApiKeyId { get; set; }

    /// <summary>When it was first received (UTC).</summary>
    public DateTimeOffset ReceivedAt { get; set; }
}
