using System.Text.Json.Nodes;
using Designer.Runtime.Tracing;

namespace Designer.Web.Runs;

/// <summary>
/// A run's trace folded into per-node state, row by row in sequence order: what the run page paints, draws on the
/// timeline and shows in the node inspector. Rows at or below <see cref="LastSequence"/> are ignored, so pushed and
/// polled rows can overlap.
/// </summary>
public sealed class RunTrace
{
    private readonly Dictionary<string, NodeRunState> _nodes = new(StringComparer.Ordinal);

    /// <summary>Creates the state of a run of a version with these nodes (all pending).</summary>
    /// <param name="nodeIds">The version's node ids.</param>
    public RunTrace(IEnumerable<string> nodeIds)
    {
        ArgumentNullException.ThrowIfNull(nodeIds);
        foreach (var id in nodeIds)
        {
            _nodes[id] = new NodeRunState(id);
        }
    }

    /// <summary>The highest sequence applied.</summary>
    public long LastSequence { get; private set; }

    /// <summary>Per-node state.</summary>
    public IReadOnlyDictionary<string, NodeRunState> Nodes => _nodes;

    /// <summary>The run's output, once produced.</summary>
    public JsonNode? Output { get; private set; }

    /// <summary>When the event of the last applied row happened (its end, else its start): what paint latency is measured from.</summary>
    public DateTimeOffset? LastEventAt { get; private set; }

    /// <summary>The earliest node start.</summary>
    public DateTimeOffset? FirstStart => _nodes.Values.SelectMany(n => n.Spans).Select(s => (DateTimeOffset?)s.Start).Min();

    /// <summary>Applies one row.</summary>
    /// <param name="row">The stored row.</param>
    /// <returns>The node whose status changed, or null.</returns>
    public NodeRunState? Apply(TraceEventRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Sequence <= LastSequence)
        {
            return null;
        }

        LastSequence = row.Sequence;
        var e = JsonNode.Parse(row.Json) as JsonObject ?? [];
        LastEventAt = Time(e, "endedAt") ?? Time(e, "startedAt") ?? row.Timestamp;
        if (row.Kind == TraceEventKinds.Output)
        {
            Output = e["output"]?.DeepClone() ?? e["data"]?.DeepClone();
            return null;
        }

        if (row.NodeId is null)
        {
            return null;
        }

        if (!_nodes.TryGetValue(row.NodeId, out var node))
        {
            node = _nodes[row.NodeId] = new NodeRunState(row.NodeId);
        }

        var before = node.Status;
        Fold(node, row, e);
        return node.Status != before ? node : null;
    }

    /// <summary>Marks the nodes a finished run never reached as skipped.</summary>
    /// <returns>The nodes that changed.</returns>
    public IReadOnlyList<NodeRunState> Finish()
    {
        var skipped = _nodes.Values.Where(n => n.Status == NodeRunStatus.Pending).ToList();
        skipped.ForEach(n => n.Status = NodeRunStatus.Skipped);
        return skipped;
    }

    private static void Fold(NodeRunState node, TraceEventRecord row, JsonObject e)
    {
        var attempt = e["attempt"]?.GetValue<int>() ?? 1;
        node.Attempts = Math.Max(node.Attempts, attempt);
        var data = e["data"] as JsonObject;
        switch (row.Kind)
        {
            case TraceEventKinds.NodeInvoked:
                node.Status = NodeRunStatus.Running;
                node.Spans.Add(new NodeSpan(attempt, Time(e, "startedAt") ?? row.Timestamp, null, NodeRunStatus.Running));
                break;
            case TraceEventKinds.NodeCompleted:
                node.Port = e["port"]?.GetValue<string>();
                node.Input = e["input"]?.DeepClone();
                node.Output = e["output"]?.DeepClone();
                node.Data = data?.DeepClone().AsObject();
                node.Status = node.Port == "degraded" || node.Output?["degraded"]?.GetValue<bool>() == true ? NodeRunStatus.Degraded : NodeRunStatus.Succeeded;
                Close(node, attempt, Time(e, "endedAt") ?? row.Timestamp, e);
                break;
            case TraceEventKinds.NodeFailed:
                node.Status = NodeRunStatus.Failed;
                node.Errors.Add(e["error"]?.GetValue<string>() ?? "failed");
                Close(node, attempt, Time(e, "endedAt") ?? row.Timestamp, e);
                break;
            case TraceEventKinds.Request:
                node.Status = NodeRunStatus.WaitingForHuman;
                node.Request = data?.DeepClone().AsObject();
                // The open span is the wait now: the timeline colours it as the legend says (issue 18).
                if (node.Spans.FindLastIndex(s => s.End is null) is >= 0 and var open)
                {
                    node.Spans[open] = node.Spans[open] with { Status = NodeRunStatus.WaitingForHuman };
                }

                break;
            case TraceEventKinds.Decision:
                node.Decision = data?.DeepClone().AsObject();
                break;
            case TraceEventKinds.PolicyVerdict:
                Add(node.Verdicts, data);
                break;
            case TraceEventKinds.SloBreach:
                Add(node.SloBreaches, data);
                break;
            case TraceEventKinds.LowConfidence:
                Add(node.LowConfidence, data);
                break;
            case TraceEventKinds.Redaction:
                Add(node.Redactions, data);
                break;
            default:
                break;
        }

        if (e["cost"] is JsonValue cost && cost.TryGetValue<decimal>(out var amount))
        {
            node.Cost += amount;
        }
    }

    private static void Close(NodeRunState node, int attempt, DateTimeOffset end, JsonObject e)
    {
        var open = node.Spans.FindLastIndex(s => s.End is null && s.Attempt == attempt);
        var start = Time(e, "startedAt") ?? end;
        if (open >= 0)
        {
            start = node.Spans[open].Start;
            node.Spans[open] = node.Spans[open] with { End = end, Status = node.Status };
        }
        else
        {
            node.Spans.Add(new NodeSpan(attempt, start, end, node.Status));
        }

        var duration = e["durationMs"]?.GetValue<double>() ?? (end - start).TotalMilliseconds;
        node.DurationMs = (node.DurationMs ?? 0) + duration;
    }

    private static void Add(List<JsonObject> list, JsonObject? data)
    {
        if (data is not null)
        {
            list.Add(data.DeepClone().AsObject());
        }
    }

    private static DateTimeOffset? Time(JsonObject e, string name) =>
        e[name] is JsonValue v && v.TryGetValue<DateTimeOffset>(out var time) ? time : null;
}
