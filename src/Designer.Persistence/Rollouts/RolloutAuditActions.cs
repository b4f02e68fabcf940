namespace Designer.Persistence;

/// <summary>Audit actions of rollouts (entity type <c>workflow</c>, the rollout id in the data).</summary>
public static class RolloutAuditActions
{
    /// <summary>A rollout was started.</summary>
    public const string Started = "rollout.started";

    /// <summary>The candidate was promoted (by hand or at the window end).</summary>
    public const string Promoted = "rollout.promoted";

    /// <summary>A guard was breached and the rollout rolled back.</summary>
    public const string RolledBack = "rollout.rolled-back";

    /// <summary>Aborted by hand.</summary>
    public const string Aborted = "rollout.aborted";

    /// <summary>The window ended with too few runs; waiting for a person.</summary>
    public const string NeedsDecision = "rollout.needs-decision";
}
