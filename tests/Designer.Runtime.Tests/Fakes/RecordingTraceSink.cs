using Designer.Runtime.Tracing;

namespace Designer.Runtime.Tests.Fakes;

internal sealed class RecordingTraceSink : ITraceSink
{
    private readonly List<TraceEvent> _events = [];

    public IReadOnlyList<TraceEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<TraceEvent> For(string runId) => [.. Events.Where(e => e.RunId == runId)];

    public ValueTask WriteAsync(TraceEvent traceEvent, CancellationToken cancellationToken)
    {
        lock (_events)
        {
            _events.Add(traceEvent);
        }

        return ValueTask.CompletedTask;
    }
}
