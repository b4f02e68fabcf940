namespace Designer.Web.Rollouts;

/// <summary>A rollout with its live numbers.</summary>
/// <param name="Rollout">The rollout as stored (state, split, window).</param>
/// <param name="Baseline">Baseline side.</param>
/// <param name="Candidate">Candidate side.</param>
/// <param name="Guards">Guard values.</param>
/// <param name="Now">When they were read.</param>
public sealed record RolloutView(RolloutRecord Rollout, RolloutSideStats Baseline, RolloutSideStats Candidate, IReadOnlyList<GuardValue> Guards, DateTimeOffset Now);
