namespace Designer.Web.Notifications;

/// <summary>Outbound notifications of run events (issue 16), bound from <c>Designer:Notifications</c>.</summary>
public sealed class NotificationOptions
{
    /// <summary>The section of appsettings (or <c>Designer__Notifications__*</c> environment variables) these options are bound from.</summary>
    public const string SectionName = "Designer:Notifications";

    /// <summary>Deliver queued events from this process.</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>How often the worker looks for due events when it found none.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a host holds an event it attempts; another host may take it over afterwards.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Most events one pass claims.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>The subscribers, by name.</summary>
    public Dictionary<string, NotificationSubscriberOptions> Subscribers { get; set; } = new(StringComparer.Ordinal);
}
