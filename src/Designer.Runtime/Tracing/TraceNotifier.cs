using System.Collections.Immutable;
using Designer.Persistence;

namespace Designer.Runtime.Tracing;

/// <summary>
/// <see cref="ITraceNotifier"/> over per-subscriber bounded channels; publishing is a dictionary read and one
/// non-blocking write per subscriber, so the trace sink never waits for a browser.
/// </summary>
public sealed class TraceNotifier : ITraceNotifier
{
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private ImmutableDictionary<Guid, ImmutableArray<TraceSubscription>> _byRun = ImmutableDictionary<Guid, ImmutableArray<TraceSubscription>>.Empty;
    private ImmutableArray<TraceSubscription> _all = [];

    /// <summary>Creates the notifier.</summary>
    /// <param name="time">Stamps <see cref="TraceCommitted.CommittedAt"/>.</param>
    public TraceNotifier(TimeProvider time) => _time = time;

    /// <inheritdoc />
    public void Publish(TraceEventRecord traceEvent)
    {
        ArgumentNullException.ThrowIfNull(traceEvent);
        var all = _all;
        var forRun = _byRun.TryGetValue(traceEvent.RunId, out var subscribers) ? subscribers : [];
        if (all.IsEmpty && forRun.IsEmpty)
        {
            return;
        }

        var row = new TraceCommitted(traceEvent, _time.GetUtcNow());
        foreach (var subscription in forRun)
        {
            subscription.Offer(row);
        }

        foreach (var subscription in all)
        {
            subscription.Offer(row);
        }
    }

    /// <inheritdoc />
    public TraceSubscription Subscribe(Guid? runId)
    {
        var subscription = new TraceSubscription(runId, Unsubscribe);
        lock (_gate)
        {
            if (runId is { } id)
            {
                _byRun = _byRun.SetItem(id, (_byRun.TryGetValue(id, out var list) ? list : []).Add(subscription));
            }
            else
            {
                _all = _all.Add(subscription);
            }
        }

        return subscription;
    }

    private void Unsubscribe(TraceSubscription subscription)
    {
        lock (_gate)
        {
            if (subscription.RunId is not { } id)
            {
                _all = _all.Remove(subscription);
                return;
            }

            if (_byRun.TryGetValue(id, out var list))
            {
                list = list.Remove(subscription);
                _byRun = list.IsEmpty ? _byRun.Remove(id) : _byRun.SetItem(id, list);
            }
        }
    }
}
