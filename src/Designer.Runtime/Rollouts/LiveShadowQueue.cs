using Designer.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Designer.Runtime.Rollouts;

/// <summary>
/// Live runs waiting to be mirrored to a shadow rollout's candidate (issue 13). The queue is a table
/// (<see cref="IRolloutStore.EnqueueMirrorAsync"/>): a crash between a live run's start and its shadow run loses
/// nothing, and a restarted worker resumes it. A live run's start only adds one row (no input is copied: the worker
/// reads it from the run), and a failure to add it is logged and counted, never returned, so the live run never
/// depends on the shadow side. The worker bounds the table, dropping the oldest rows (counted in <see cref="Dropped"/>).
/// </summary>
public sealed class LiveShadowQueue : IDisposable
{
    private readonly IRolloutStore _store;
    private readonly ILogger<LiveShadowQueue> _logger;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private long _dropped;

    /// <summary>Creates the queue.</summary>
    /// <param name="store">Holds the queued mirrors.</param>
    /// <param name="logger">Logs mirrors that could not be queued; null for none.</param>
    public LiveShadowQueue(IRolloutStore store, ILogger<LiveShadowQueue>? logger = null)
    {
        _store = store;
        _logger = logger ?? NullLogger<LiveShadowQueue>.Instance;
    }

    /// <summary>Mirrors dropped in this process: not queued (storage failed) or dropped as the oldest over capacity.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues a mirror of a live run; never throws except on cancellation.</summary>
    /// <param name="rollout">The shadow rollout.</param>
    /// <param name="runId">The live run (its input is read back from the run when the mirror is processed).</param>
    public async Task EnqueueAsync(RolloutRecord rollout, Guid runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        try
        {
            await _store.EnqueueMirrorAsync(rollout, runId, cancellationToken);
            Wake();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The live run has started already; losing its mirror costs one shadow sample, not the run.
            Interlocked.Increment(ref _dropped);
            _logger.LogWarning(ex, "Could not queue run {RunId} for shadow rollout {RolloutId}; the mirror is dropped.", runId, rollout.Id);
        }
    }

    /// <summary>Counts mirrors the worker dropped as the oldest over capacity.</summary>
    /// <param name="count">How many.</param>
    public void CountDropped(int count) => Interlocked.Add(ref _dropped, count);

    /// <summary>Waits until a mirror is queued in this process or <paramref name="timeout"/> passes (other hosts' mirrors are polled).</summary>
    /// <param name="timeout">The poll interval.</param>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _signal.Dispose();

    private void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up drains everything queued.
        }
        catch (ObjectDisposedException)
        {
            // Shutting down; the row is in the table for the next start.
        }
    }
}
