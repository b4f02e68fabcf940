namespace Designer.Web.Rollouts;

/// <summary>Canary and live shadow rollouts, bound from <c>Designer:Rollouts</c>.</summary>
public sealed class RolloutOptions
{
    /// <summary>The section of appsettings (or <c>Designer__Rollouts__*</c> environment variables) these options are bound from.</summary>
    public const string SectionName = "Designer:Rollouts";

    /// <summary>How often the guard service checks every open rollout.</summary>
    public TimeSpan GuardInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Run the guard service and the live shadow worker in this process (one host per database should).</summary>
    public bool RunGuards { get; set; } = true;

    /// <summary>Most live runs waiting in the shadow queue; beyond it the oldest are dropped (counted, logged).</summary>
    public int ShadowQueueCapacity { get; set; } = 1_000;

    /// <summary>How long a worker holds a claimed mirror; a crashed worker's mirrors are retried after it.</summary>
    public TimeSpan ShadowLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the worker looks for mirrors queued by other hosts (its own wake it at once).</summary>
    public TimeSpan ShadowPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Claims of one mirror before it is given up (dropped, counted).</summary>
    public int ShadowMaxAttempts { get; set; } = 5;
}
