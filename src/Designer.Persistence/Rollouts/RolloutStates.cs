namespace Designer.Persistence;

/// <summary>Rollout states. Running and needs-decision are open (one per workflow); the others are final.</summary>
public static class RolloutStates
{
    /// <summary>Splitting or mirroring; guards are checked.</summary>
    public const string Running = "running";

    /// <summary>The window ended with too few runs to judge; a person promotes or aborts. The split continues.</summary>
    public const string NeedsDecision = "needs-decision";

    /// <summary>The candidate became the active version.</summary>
    public const string Promoted = "promoted";

    /// <summary>A guard was breached; every new run goes to the baseline.</summary>
    public const string RolledBack = "rolled-back";

    /// <summary>Stopped by hand; every new run goes to the baseline.</summary>
    public const string Aborted = "aborted";

    /// <summary>Whether a rollout in this state still splits or mirrors runs.</summary>
    /// <returns>True for running and needs-decision.</returns>
    public static bool IsOpen(string state) => state is Running or NeedsDecision;
}
