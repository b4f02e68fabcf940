namespace Designer.Persistence;

/// <summary>Guard limits; a null limit is not checked.</summary>
/// <param name="MaxWrongRate">Highest wrong-decision rate (0–1).</param>
/// <param name="MaxEscalationRate">Highest escalation rate (0–1).</param>
/// <param name="MaxDegradedRate">Highest degraded rate (0–1).</param>
/// <param name="P95LatencyMs">Highest p95 decision latency (ms).</param>
public sealed record RolloutGuards(double? MaxWrongRate, double? MaxEscalationRate, double? MaxDegradedRate, double? P95LatencyMs);
