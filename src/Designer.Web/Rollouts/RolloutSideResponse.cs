namespace Designer.Web.Rollouts;

/// <summary>The live numbers of one side of a rollout, as the API shows them (the latencies only as their p95).</summary>
/// <param name="Version">The workflow version these numbers describe.</param>
/// <param name="Runs">Runs that reached an outcome.</param>
/// <param name="Automated">Runs completed without a person.</param>
/// <param name="Escalated">Runs that reached a human gate.</param>
/// <param name="Degraded">Runs that took a degraded port or breached an SLO.</param>
/// <param name="Labelled">Runs a person decided.</param>
/// <param name="Wrong">Labelled runs decided wrongly.</param>
/// <param name="Flipped">Shadow runs decided differently from the live run.</param>
/// <param name="WrongRate">Wrong over labelled, null without labels.</param>
/// <param name="EscalationRate">Escalated over runs, null without runs.</param>
/// <param name="DegradedRate">Degraded over runs, null without runs.</param>
/// <param name="P95LatencyMs">The 95th percentile decision latency, null without samples.</param>
internal sealed record RolloutSideResponse(
    int Version, int Runs, int Automated, int Escalated, int Degraded, int Labelled, int Wrong, int Flipped,
    double? WrongRate, double? EscalationRate, double? DegradedRate, double? P95LatencyMs)
{
    public static RolloutSideResponse From(RolloutSideStats s) => new(
        s.Version, s.Runs, s.Automated, s.Escalated, s.Degraded, s.Labelled, s.Wrong, s.Flipped,
        s.WrongRate, s.EscalationRate, s.DegradedRate, s.P95LatencyMs);
}
