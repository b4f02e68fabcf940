namespace Designer.Runtime.Evaluations;

/// <summary>
/// The decision-quality numbers of one side of an evaluation (or of any set of shadow or live results). Rates are
/// 0..1; the wrong-automatic rate is over automated cases (how often an automatic decision is wrong), with a Wilson
/// 95 % interval; latency is over cases that reached a decision or an escalation.
/// </summary>
/// <param name="Cases">Cases judged.</param>
/// <param name="Automated">Cases decided without a human.</param>
/// <param name="Escalated">Cases that reached a human gate.</param>
/// <param name="Failed">Cases whose run failed.</param>
/// <param name="Matched">Cases whose outcome matched the label.</param>
/// <param name="WrongAutomatic">Automated cases whose outcome did not match the label.</param>
/// <param name="Degraded">Cases where a node took its degraded port.</param>
/// <param name="AutomationRate">Automated / cases.</param>
/// <param name="EscalationRate">Escalated / cases.</param>
/// <param name="FailureRate">Failed / cases.</param>
/// <param name="DegradedRate">Degraded / cases.</param>
/// <param name="Accuracy">Matched / cases.</param>
/// <param name="WrongAutomaticRate">WrongAutomatic / automated (null when nothing was automated).</param>
/// <param name="WrongAutomaticLow">Wilson 95 % lower bound.</param>
/// <param name="WrongAutomaticHigh">Wilson 95 % upper bound.</param>
/// <param name="CostPerAutomatedTask">Cost of the automated cases / automated (null when none).</param>
/// <param name="P50LatencyMs">Median decision latency.</param>
/// <param name="P95LatencyMs">95th percentile decision latency.</param>
public sealed record SideMetrics(
    int Cases, int Automated, int Escalated, int Failed, int Matched, int WrongAutomatic, int Degraded,
    double AutomationRate, double EscalationRate, double FailureRate, double DegradedRate, double Accuracy,
    double? WrongAutomaticRate, double? WrongAutomaticLow, double? WrongAutomaticHigh,
    decimal? CostPerAutomatedTask, double? P50LatencyMs, double? P95LatencyMs)
{
    /// <summary>Computes the metrics of judged results.</summary>
    /// <param name="results">Each result with whether it matched its label.</param>
    public static SideMetrics From(IReadOnlyList<(ShadowResult Result, bool Matched)> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var n = results.Count;
        var automated = results.Where(r => r.Result.Outcome == ShadowOutcomes.Automated).ToList();
        var escalated = results.Count(r => r.Result.Outcome == ShadowOutcomes.Escalated);
        var failed = results.Count(r => r.Result.Outcome == ShadowOutcomes.Failed);
        var wrong = automated.Count(r => !r.Matched);
        var matched = results.Count(r => r.Matched);
        var degraded = results.Count(r => r.Result.Degraded);
        var latencies = results.Where(r => r.Result.Outcome != ShadowOutcomes.Failed).Select(r => r.Result.LatencyMs).Order().ToList();
        var (low, high) = automated.Count == 0 ? ((double?)null, (double?)null) : Wilson(wrong, automated.Count);
        return new SideMetrics(
            n, automated.Count, escalated, failed, matched, wrong, degraded,
            Rate(automated.Count, n), Rate(escalated, n), Rate(failed, n), Rate(degraded, n), Rate(matched, n),
            automated.Count == 0 ? null : (double)wrong / automated.Count, low, high,
            automated.Count == 0 ? null : automated.Sum(r => r.Result.Cost) / automated.Count,
            Percentile(latencies, 0.50), Percentile(latencies, 0.95));
    }

    /// <summary>Wilson score interval (95 %, z = 1.96) for <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    /// <param name="trials">Trials, at least 1.</param>
    /// <returns>Lower and upper bound.</returns>
    public static (double Low, double High) Wilson(int successes, int trials)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        const double z = 1.96;
        var p = (double)successes / trials;
        var z2n = z * z / trials;
        var centre = (p + (z2n / 2)) / (1 + z2n);
        var half = z * Math.Sqrt((p * (1 - p) / trials) + (z * z / (4.0 * trials * trials))) / (1 + z2n);
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    private static double Rate(int count, int n) => n == 0 ? 0 : (double)count / n;

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double? Percentile(List<double> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(q * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
