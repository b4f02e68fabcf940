namespace Designer.Web.Notifications;

/// <summary>One subscriber of run events, bound from <c>Designer:Notifications:Subscribers:{name}</c>.</summary>
public sealed class NotificationSubscriberOptions
{
    /// <summary>Absolute http(s) URL the events are POSTed to.</summary>
    public string Url { get; set; } = string.Empty;

    /// <summary>HMAC-SHA256 key of <c>X-Designer-Signature</c> (at least 32 characters). Never logged.</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>Event types sent (run.completed, run.failed, run.waiting, run.cancelled, rollout.rolled_back); empty: all of them.</summary>
    public List<string> Events { get; set; } = [];

    /// <summary>Only runs of these workflows; empty: every workflow.</summary>
    public List<Guid> WorkflowIds { get; set; } = [];

    /// <summary>Attempts before the event becomes a dead letter.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Delay before the second attempt; doubles with each further one (capped at one hour).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest one attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
