namespace Designer.Web.Rollouts;

/// <summary>
/// Judges a rollout's candidate side against its guards. Rate guards count only once the candidate has
/// <c>minRuns</c> runs; the latency guard once it has <see cref="LatencySamples"/> latencies (or <c>minRuns</c>,
/// whichever is smaller), so one slow first run does not roll back. A breach rolls back at once; at the window end
/// without a breach the rollout promotes with enough runs and otherwise waits for a person.
/// </summary>
public static class RolloutJudge
{
    /// <summary>Latencies the p95 guard needs at most before it counts.</summary>
    public const int LatencySamples = 20;

    /// <summary>Every guard's live value and whether it counts and is breached.</summary>
    /// <param name="candidate">The candidate's live numbers, which the guards judge.</param>
    /// <param name="baseline">The baseline side (shown for comparison only).</param>
    /// <returns>One value per set guard.</returns>
    public static IReadOnlyList<GuardValue> Guards(RolloutRecord rollout, RolloutSideStats candidate, RolloutSideStats baseline)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(baseline);
        var enough = candidate.Runs >= rollout.MinRuns;
        var latencyCounts = candidate.LatenciesMs.Count >= Math.Min(rollout.MinRuns, LatencySamples);
        var values = new List<GuardValue>();
        void Add(string name, double? limit, double? value, double? baselineValue, bool counts)
        {
            if (limit is { } l)
            {
                values.Add(new GuardValue(name, l, value, baselineValue, counts, counts && value > l));
            }
        }

        Add("maxWrongRate", rollout.Guards.MaxWrongRate, candidate.WrongRate, baseline.WrongRate, enough && candidate.WrongRate is not null);
        Add("maxEscalationRate", rollout.Guards.MaxEscalationRate, candidate.EscalationRate, baseline.EscalationRate, enough);
        Add("maxDegradedRate", rollout.Guards.MaxDegradedRate, candidate.DegradedRate, baseline.DegradedRate, enough);
        Add("p95LatencyMs", rollout.Guards.P95LatencyMs, candidate.P95LatencyMs, baseline.P95LatencyMs, latencyCounts && candidate.P95LatencyMs is not null);
        return values;
    }

    /// <summary>What should happen to a running rollout now.</summary>
    /// <param name="candidate">The candidate's live numbers: the guards judge them, and its runs count towards the minimum.</param>
    /// <param name="baseline">The baseline's live numbers, only shown next to the candidate's.</param>
    /// <param name="now">The current time.</param>
    public static RolloutVerdict Judge(RolloutRecord rollout, RolloutSideStats candidate, RolloutSideStats baseline, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        if (rollout.State != RolloutStates.Running)
        {
            return new RolloutVerdict(null, null);
        }

        if (Guards(rollout, candidate, baseline).FirstOrDefault(g => g.Breached) is { } breached)
        {
            return new RolloutVerdict(RolloutStates.RolledBack,
                $"Guard {breached.Name} breached: {Format(breached.Name, breached.Value)} > {Format(breached.Name, breached.Limit)} over {candidate.Runs} candidate runs.",
                breached);
        }

        if (now < rollout.WindowEnd)
        {
            return new RolloutVerdict(null, null);
        }

        return candidate.Runs >= rollout.MinRuns
            ? new RolloutVerdict(RolloutStates.Promoted, $"Window ended with {candidate.Runs} candidate runs and no guard breached.")
            : new RolloutVerdict(RolloutStates.NeedsDecision, $"Window ended with {candidate.Runs} of {rollout.MinRuns} candidate runs needed; too few to judge.");
    }

    private static string Format(string name, double? value) =>
        value is null ? "n/a" : name == "p95LatencyMs" ? $"{value:0} ms" : $"{value:P1}";
}
