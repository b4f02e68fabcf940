using System.Globalization;
using Designer.Web.Runs;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.Runs;

/// <summary>
/// A Gantt chart of a run's node executions: one row per node of the version (in the order they first ran), one bar per
/// attempt, scaled to the run's span so far; open spans (running, waiting) run up to <see cref="Now"/>.
/// </summary>
public sealed partial class RunTimeline
{
    /// <summary>The run's trace folded per node, in the order the nodes started.</summary>
    [Parameter, EditorRequired]
    public RunTrace Trace { get; set; } = default!;

    /// <summary>The version's nodes (order and names).</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<NodeDefinition> Nodes { get; set; } = [];

    /// <summary>The end of open spans.</summary>
    [Parameter]
    public DateTimeOffset Now { get; set; }

    /// <summary>A row was clicked.</summary>
    [Parameter]
    public EventCallback<string> NodeSelected { get; set; }

    private double TotalMs { get; set; }

    private List<TimelineRow> Rows { get; set; } = [];

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        var start = Trace.FirstStart;
        var spans = Trace.Nodes.Values.SelectMany(n => n.Spans).ToList();
        var end = spans.Count == 0 ? Now : spans.Max(s => s.End ?? Now);
        TotalMs = start is null ? 0 : Math.Max(1, (end - start.Value).TotalMilliseconds);
        // Nodes in the order they first ran; nodes not reached keep the definition's order after them.
        var order = Nodes.Select((n, i) => (Node: n, Index: i))
            .OrderBy(x => Trace.Nodes.TryGetValue(x.Node.Id, out var s) && s.Spans.Count > 0 ? s.Spans[0].Start : DateTimeOffset.MaxValue)
            .ThenBy(x => x.Index)
            .Select(x => x.Node);
        Rows = [.. order.Select(n => new TimelineRow(n.Id, n.Name, Trace.Nodes.TryGetValue(n.Id, out var state) && start is not null
            ? [.. state.Spans.Select(s => Bar(s, start.Value))]
            : []))];
    }

    private TimelineBar Bar(NodeSpan span, DateTimeOffset start)
    {
        var from = (span.Start - start).TotalMilliseconds;
        var to = ((span.End ?? Now) - start).TotalMilliseconds;
        var width = Math.Max(0.5, (to - from) / TotalMs * 100);
        var ms = (to - from).ToString("N1", CultureInfo.InvariantCulture);
        return new TimelineBar(
            (from / TotalMs * 100).ToString("F2", CultureInfo.InvariantCulture),
            width.ToString("F2", CultureInfo.InvariantCulture),
            NodeRunStatusNames.Of(span.Status),
            $"attempt {span.Attempt}: {ms} ms");
    }

    private Task SelectAsync(string nodeId) => NodeSelected.InvokeAsync(nodeId);

    private sealed record TimelineRow(string NodeId, string Name, IReadOnlyList<TimelineBar> Bars);

    private sealed record TimelineBar(string Left, string Width, string Status, string Title);
}
