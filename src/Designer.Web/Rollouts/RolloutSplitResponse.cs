namespace Designer.Web.Rollouts;

/// <summary>How new runs are shared between the two versions of a rollout, in percent.</summary>
/// <param name="Candidate">Percent of new runs on the candidate.</param>
/// <param name="Baseline">Percent of new runs on the baseline (the rest).</param>
internal sealed record RolloutSplitResponse(int Candidate, int Baseline)
{
    public static RolloutSplitResponse Of(int percent) => new(percent, 100 - percent);
}
