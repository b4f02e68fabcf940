using System.Collections.Concurrent;
using Designer.Runtime.Tracing;

namespace Designer.Runtime.Evaluations;

/// <summary>
/// Keeps the trace events of shadow runs in memory, by run id, for the caller to read and drop: nothing reaches the
/// run store, the live trace feed or the production dashboards.
/// </summary>
internal sealed class ShadowTraceSink : ITraceSink
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<TraceEvent>> _runs = new(StringComparer.Ordinal);

    public ValueTask WriteAsync(TraceEvent traceEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(traceEvent);

        // Events of runs nobody collects (there should be none) are dropped rather than kept forever.
        if (_runs.TryGetValue(traceEvent.RunId, out var events))
        {
            events.Enqueue(traceEvent);
        }

        return ValueTask.CompletedTask;
    }

    public void Begin(string runId) => _runs[runId] = new ConcurrentQueue<TraceEvent>();

    public IReadOnlyList<TraceEvent> End(string runId) =>
        _runs.TryRemove(runId, out var events) ? [.. events] : [];
}
