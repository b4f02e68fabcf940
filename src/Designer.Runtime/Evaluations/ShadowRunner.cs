using System.Text.Json.Nodes;
using Designer.Runtime.Compilation;
using Designer.Runtime.Execution;
using Designer.Runtime.Tracing;
using Designer.Workflows.Catalogue;
using Designer.Workflows.Definitions;

namespace Designer.Runtime.Evaluations;

/// <summary>
/// Runs a workflow definition on one input in shadow mode: the real compiled executors with the real models,
/// retrieval and policies, but no side effects. The trace stays in memory, checkpoints stay in memory, a human gate
/// ends the run as <see cref="ShadowOutcomes.Escalated"/> (no inbox task, no SLA reminder), an action node sends
/// nothing (<see cref="Executors.ShadowActionExecutor"/>) and no run row is written,
/// so nothing shows in production runs or dashboards. Stateless across calls and thread-safe: offline evaluations
/// use it now; a live shadow or canary can call it with mirrored inputs later.
/// </summary>
public sealed class ShadowRunner
{
    private readonly ShadowTraceSink _trace = new();
    private readonly ShadowCheckpointStore _checkpoints = new();
    private readonly WorkflowCompiler _compiler;
    private readonly WorkflowRunner _runner;
    private readonly TimeProvider _time;

    /// <summary>Creates a runner that shares the production backends of <paramref name="production"/>.</summary>
    /// <param name="production">The runtime services of real runs (sandbox, models, retrieval, chat).</param>
    public ShadowRunner(RuntimeServices production)
    {
        ArgumentNullException.ThrowIfNull(production);
        _time = production.Time;
        var services = new RuntimeServices
        {
            Sandbox = production.Sandbox,
            Trace = _trace,
            Time = production.Time,
            Inference = production.Inference,
            VectorSearch = production.VectorSearch,
            Chat = production.Chat,

            // No side effects: an action node is "not sent" (leaves through ok), never a call to a connection.
            ShadowActions = true,
        };
        _compiler = new WorkflowCompiler(services);
        _runner = new WorkflowRunner(_checkpoints, production.Time);
    }

    /// <summary>Compiles (cached by hash) and runs <paramref name="definition"/> on <paramref name="input"/>.</summary>
    /// <param name="definition">A valid definition.</param>
    /// <param name="runId">An id for this shadow run (a GUID string keeps node idempotency keys unique).</param>
    /// <returns>What happened.</returns>
    /// <exception cref="WorkflowCompilationException">The definition does not compile here.</exception>
    public async Task<ShadowResult> RunAsync(WorkflowDefinition definition, string contentHash, string runId, JsonObject input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(input);
        var compiled = _compiler.Compile(definition, contentHash);
        _trace.Begin(runId);
        var started = _time.GetTimestamp();
        RunResult result;
        try
        {
            result = await _runner.StartAsync(compiled, runId, (JsonObject)input.DeepClone(), cancellationToken);
        }
        finally
        {
            _checkpoints.Forget(runId);
        }

        var latency = _time.GetElapsedTime(started).TotalMilliseconds;
        var events = _trace.End(runId);
        return Summarise(result, events, latency);
    }

    private static ShadowResult Summarise(RunResult result, IReadOnlyList<TraceEvent> events, double latencyMs)
    {
        var path = new List<ShadowStep>();
        var scores = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var degraded = false;
        decimal cost = 0;
        foreach (var e in events)
        {
            cost += e.Cost ?? 0;
            if (e.Kind != TraceEventKinds.NodeCompleted || e.NodeId is null || e.Port is null)
            {
                continue;
            }

            path.Add(new ShadowStep(e.NodeId, e.Port));
            degraded |= e.Port == "degraded";
            if (e.NodeKind == NodeKinds.Model && e.Output is JsonObject output)
            {
                foreach (var (field, value) in output)
                {
                    if (value is JsonValue v && v.TryGetValue<double>(out var number))
                    {
                        scores[$"{e.NodeId}.{field}"] = number;
                    }
                }
            }
        }

        var outcome = result.Status switch
        {
            WorkflowRunStatus.Completed => ShadowOutcomes.Automated,
            WorkflowRunStatus.WaitingForHuman => ShadowOutcomes.Escalated,
            _ => ShadowOutcomes.Failed,
        };
        return new ShadowResult
        {
            Outcome = outcome,
            EndNode = result.EndNode,
            Output = result.Output,
            GateNode = result.PendingRequest?.NodeId,
            EscalatedTo = result.PendingRequest?.AssigneeRole,
            Error = result.Error,
            Path = path,
            Scores = scores,
            Degraded = degraded,
            LatencyMs = latencyMs,
            Cost = cost,
        };
    }
}
