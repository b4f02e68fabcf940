using System.Threading.Channels;

namespace Designer.Runtime.Tracing;

/// <summary>
/// One subscriber's queue of pushed rows. It is bounded and drops the oldest rows when the reader falls behind, so
/// a slow browser never slows a run: readers detect the gap from the sequence numbers and read the rows from the
/// database.
/// </summary>
public sealed class TraceSubscription : IDisposable
{
    /// <summary>Rows queued per subscriber before the oldest are dropped.</summary>
    public const int Capacity = 1024;

    private readonly Channel<TraceCommitted> _channel = Channel.CreateBounded<TraceCommitted>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly Action<TraceSubscription> _unsubscribe;
    private int _disposed;

    internal TraceSubscription(Guid? runId, Action<TraceSubscription> unsubscribe)
    {
        RunId = runId;
        _unsubscribe = unsubscribe;
    }

    /// <summary>The run, or null for every run.</summary>
    public Guid? RunId { get; }

    /// <summary>The pushed rows, in commit order per run.</summary>
    public ChannelReader<TraceCommitted> Reader => _channel.Reader;

    internal void Offer(TraceCommitted row) => _channel.Writer.TryWrite(row);

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _unsubscribe(this);
            _channel.Writer.TryComplete();
        }
    }
}
