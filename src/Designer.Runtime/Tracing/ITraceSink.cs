namespace Designer.Runtime.Tracing;

/// <summary>
/// Receives trace events as they happen, from the executors' own threads. Implementations must be thread-safe and
/// should not block: the next session's grain forwards them to storage and to subscribed browsers.
/// </summary>
public interface ITraceSink
{
    /// <summary>Records one event.</summary>
    /// <returns>A task that completes when the event is accepted.</returns>
    ValueTask WriteAsync(TraceEvent traceEvent, CancellationToken cancellationToken);
}
