namespace Designer.Web.Rollouts;

/// <summary>The live numbers of both versions of a rollout.</summary>
/// <param name="Baseline">The version compared with.</param>
/// <param name="Candidate">The version being tried.</param>
internal sealed record RolloutSides(RolloutSideResponse Baseline, RolloutSideResponse Candidate);
