namespace Designer.Web.Triggers;

/// <summary>The schedule worker (<c>Designer:Schedules</c>, issue 16), validated on start.</summary>
internal sealed class ScheduleOptions
{
    public const string SectionName = "Designer:Schedules";

    /// <summary>Whether this host fires schedules. Every host may: the occurrence claim lets one of them win.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often due occurrences are looked for; an occurrence fires at most this late.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>With the <c>catchUp</c> policy, the most missed occurrences fired at once (the newest ones).</summary>
    public int MaxCatchUp { get; set; } = 10;

    /// <summary>
    /// How late an occurrence may be and still count as on time (the <c>none</c> policy fires nothing later):
    /// twice the poll interval, so a tick delayed by load does not lose an occurrence.
    /// </summary>
    public TimeSpan Grace => PollInterval * 2;
}
