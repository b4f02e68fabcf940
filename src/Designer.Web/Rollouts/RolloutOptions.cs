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
}
