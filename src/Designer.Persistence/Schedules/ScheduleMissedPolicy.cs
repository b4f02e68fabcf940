namespace Designer.Persistence;

/// <summary>What a schedule does with occurrences that passed while no host was running it (issue 16).</summary>
public static class ScheduleMissedPolicy
{
    /// <summary>Fire only the latest missed occurrence, once (the default).</summary>
    public const string Skip = "skip";

    /// <summary>Fire every missed occurrence, oldest first, up to <c>Designer:Schedules:MaxCatchUp</c> (the latest ones).</summary>
    public const string CatchUp = "catchUp";

    /// <summary>Fire nothing that is late; wait for the next occurrence.</summary>
    public const string None = "none";

    /// <summary>Every policy.</summary>
    public static IReadOnlyList<string> All { get; } = [Skip, CatchUp, None];
}
