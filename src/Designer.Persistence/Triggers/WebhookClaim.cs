namespace Designer.Persistence;

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
