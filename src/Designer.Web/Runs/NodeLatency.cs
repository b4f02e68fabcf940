namespace Designer.Web.Runs;

/// <summary>Latency of one node over the completed executions sampled.</summary>
/// <param name="NodeId">Node id the latencies are measured for.</param>
/// <param name="Count">Executions measured.</param>
/// <param name="P50Ms">Median, ms.</param>
/// <param name="P95Ms">95th percentile, ms.</param>
public sealed record NodeLatency(string NodeId, int Count, double P50Ms, double P95Ms);
