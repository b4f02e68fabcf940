namespace Designer.Web.Rollouts;

/// <summary>The judge's verdict.</summary>
/// <param name="State">The state to move to, or null to keep running.</param>
/// <param name="Reason">Why the state changes, written to the rollout and the audit log; null when it does not.</param>
/// <param name="Breach">The breached guard, when it rolls back.</param>
public sealed record RolloutVerdict(string? State, string? Reason, GuardValue? Breach = null);
