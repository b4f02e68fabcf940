namespace Designer.Web.Rollouts;

/// <summary>The judge's verdict.</summary>
/// <param name="State">The state to move to, or null to keep running.</param>
/// <param name="Reason">Why.</param>
public sealed record RolloutVerdict(string? State, string? Reason);
