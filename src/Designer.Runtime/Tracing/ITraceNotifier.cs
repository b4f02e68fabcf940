using Designer.Persistence;

namespace Designer.Runtime.Tracing;

/// <summary>
/// In-process push of committed trace rows: the trace sink publishes each row right after the database accepted it,
/// and live views (the SSE stream, the run and inbox pages) subscribe instead of polling. It only sees runs hosted
/// in this process; views keep a slow database poll as the fallback for runs hosted on another silo.
/// </summary>
public interface ITraceNotifier
{
    /// <summary>Announces a committed row to the subscribers of its run and of every run; never blocks.</summary>
    /// <param name="traceEvent">The stored row.</param>
    void Publish(TraceEventRecord traceEvent);

    /// <summary>Subscribes to the rows of one run, or of every run when <paramref name="runId"/> is null.</summary>
    /// <param name="runId">The run, or null for all.</param>
    /// <returns>The subscription; dispose it to stop.</returns>
    TraceSubscription Subscribe(Guid? runId);
}
