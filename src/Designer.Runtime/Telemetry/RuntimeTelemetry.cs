using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Designer.Runtime.Telemetry;

/// <summary>
/// The runtime's activity source and meter (both named <see cref="Name"/>): one span per piece of run work with a
/// child span per node execution, and a node-duration histogram. Static because executors are shared by many runs
/// and compiled outside DI; listeners (OpenTelemetry in the hosts) subscribe by name.
/// </summary>
public static class RuntimeTelemetry
{
    /// <summary>The activity source and meter name.</summary>
    public const string Name = "Designer.Runtime";

    /// <summary>Tag naming the run on spans and log scopes.</summary>
    public const string RunIdTag = "designer.run_id";

    /// <summary>Spans of run work and node executions.</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> NodeDuration = Meter.CreateHistogram<double>(
        "designer.node.duration", "ms", "Time one node execution took, by node kind and outcome.");

    /// <summary>Starts the span of one node execution (null when nobody listens).</summary>
    /// <param name="attempt">The attempt number.</param>
    /// <returns>The span, or null.</returns>
    public static Activity? StartNode(string runId, string nodeId, string nodeKind, int attempt)
    {
        var activity = Source.StartActivity($"node {nodeKind}");
        activity?.SetTag(RunIdTag, runId);
        activity?.SetTag("designer.node_id", nodeId);
        activity?.SetTag("designer.node_kind", nodeKind);
        activity?.SetTag("designer.attempt", attempt);
        return activity;
    }

    /// <summary>Records a node execution's duration and outcome ("failed", "waiting" or the port taken).</summary>
    public static void RecordNode(string nodeKind, string outcome, double milliseconds) =>
        NodeDuration.Record(milliseconds, new("designer.node_kind", nodeKind), new("designer.outcome", outcome));
}
