namespace Designer.Web.Rollouts;

/// <summary>A rollout with its live numbers.</summary>
/// <param name="Rollout">The rollout as stored (state, split, window).</param>
/// <param name="Baseline">Live numbers of the runs on the baseline version, shown for comparison.</param>
/// <param name="Candidate">Live numbers of the runs on the candidate version, which the guards judge.</param>
/// <param name="Guards">Each set guard's limit against the candidate's value at <paramref name="Now"/>.</param>
/// <param name="Now">When they were read.</param>
public sealed record RolloutView(RolloutRecord Rollout, RolloutSideStats Baseline, RolloutSideStats Candidate, IReadOnlyList<GuardValue> Guards, DateTimeOffset Now);
