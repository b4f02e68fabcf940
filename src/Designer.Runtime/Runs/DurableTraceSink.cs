using System.Collections.Concurrent;
using System.Text.Json;
using Designer.Persistence;
using Designer.Runtime.Tracing;

namespace Designer.Runtime.Runs;

/// <summary>
/// Writes every trace event as a <c>TraceEvents</c> row, in order: appends of one run are serialised (the store
/// numbers them), and the cost carried by events is summed per run until <see cref="TakeCost"/>. Each committed
/// row is then published on the <see cref="ITraceNotifier"/> (still inside the run's lock, so in order).
/// </summary>
/// <remarks>
/// Batching (issue 15, <see cref="Hosting.RuntimeOptions.BatchRunWrites"/>): while a run's work executes here
/// (<see cref="Begin"/> .. <see cref="EndAsync"/>) its rows are buffered and committed with the checkpoint of their
/// superstep (<see cref="SaveCheckpointAsync"/>), which is skipped for supersteps of replayable nodes only
/// (<see cref="CheckpointRule"/>) unless the buffer holds <see cref="MaxBufferedRows"/> rows or rows older than
/// <see cref="MaxBufferAge"/>; the run's last rows go with its final status change (<see cref="TakeRows"/>). Before a
/// node that is not replayable starts, the held checkpoint, the rows before it and the node's invocation are committed,
/// so the live trace shows the long call as it happens and a crash re-runs nothing that was expensive.
/// </remarks>
public sealed class DurableTraceSink : ITraceSink
{
    /// <summary>A superstep that ends with this many rows buffered persists its checkpoint.</summary>
    public const int MaxBufferedRows = 64;

    /// <summary>A superstep that ends with a row buffered this long persists its checkpoint (live trace latency).</summary>
    public static readonly TimeSpan MaxBufferAge = TimeSpan.FromMilliseconds(500);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly IRunStore _store;
    private readonly ITraceNotifier? _notifier;
    private readonly StorageFaults _faults;
    private readonly bool _batch;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _locks = new();
    private readonly ConcurrentDictionary<Guid, decimal> _costs = new();
    private readonly ConcurrentDictionary<Guid, RunTraceBuffer> _buffers = new();

    /// <summary>Creates a sink that writes every row in its own transaction.</summary>
    /// <param name="faults">Where failed writes are recorded.</param>
    /// <param name="notifier">Live push of committed rows, or null for none.</param>
    public DurableTraceSink(IRunStore store, StorageFaults faults, ITraceNotifier? notifier = null)
        : this(store, faults, notifier, batch: false, TimeProvider.System)
    {
    }

    /// <summary>Creates the sink.</summary>
    /// <param name="faults">Where failed writes are recorded.</param>
    /// <param name="notifier">Live push of committed rows, or null for none.</param>
    /// <param name="batch">Whether runs between <see cref="Begin"/> and <see cref="EndAsync"/> are batched.</param>
    /// <param name="time">The clock the buffer age is measured on.</param>
    public DurableTraceSink(IRunStore store, StorageFaults faults, ITraceNotifier? notifier, bool batch, TimeProvider time)
    {
        _store = store;
        _faults = faults;
        _notifier = notifier;
        _batch = batch;
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Starts buffering a run's rows (when batching is on); its work executes in this process until <see cref="EndAsync"/>.</summary>
    public void Begin(Guid runId)
    {
        if (_batch)
        {
            _buffers[runId] = new RunTraceBuffer();
        }
    }

    /// <inheritdoc />
    public async ValueTask WriteAsync(TraceEvent traceEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(traceEvent);
        var runId = RunIds.Parse(traceEvent.RunId);
        if (traceEvent.Cost is { } cost)
        {
            _costs.AddOrUpdate(runId, cost, (_, sum) => sum + cost);
        }

        var json = JsonSerializer.Serialize(traceEvent, JsonOptions);
        var row = new NewTraceEvent(traceEvent.Kind, traceEvent.NodeId, json, traceEvent.StartedAt);
        var gate = _locks.GetOrAdd(runId, _ => new SemaphoreSlim(1, 1));
        // Not the caller's token: an event of a run being cancelled is still part of its history.
        await gate.WaitAsync(CancellationToken.None);
        try
        {
            if (!_buffers.TryGetValue(runId, out var buffer))
            {
                Publish([await _store.AppendTraceAsync(runId, row.Kind, row.NodeId, row.Json, row.Timestamp, CancellationToken.None)]);
                return;
            }

            var replayable = CheckpointRule.IsReplayable(traceEvent.NodeKind);
            buffer.Replayable &= replayable;
            if (traceEvent.Kind == TraceEventKinds.Compensation)
            {
                // A compensating call went out: recorded at once, so a restart does not send it again.
                buffer.Rows.Add(row);
                await CommitAsync(runId, buffer, buffer.Held, buffer.Rows.Count);
            }
            else if (!replayable && traceEvent.Kind == TraceEventKinds.NodeInvoked)
            {
                await WriteAheadAsync(runId, buffer, row);
            }
            else
            {
                buffer.OldestAt ??= _time.GetUtcNow();
                buffer.Rows.Add(row);
            }
        }
        catch (Exception ex)
        {
            _faults.Mark(runId, ex);
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Stores a superstep's checkpoint with the rows buffered up to it, or holds it when the superstep was replayable
    /// and the buffer is small and young; without batching for the run, stores the checkpoint alone.
    /// </summary>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task SaveCheckpointAsync(Guid runId, RunCheckpointRecord checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (!_buffers.TryGetValue(runId, out var buffer))
        {
            await _store.AppendCheckpointAsync(runId, checkpoint, cancellationToken);
            return;
        }

        var gate = _locks.GetOrAdd(runId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(CancellationToken.None);
        try
        {
            var young = buffer.OldestAt is not { } oldest || _time.GetUtcNow() - oldest < MaxBufferAge;
            if (buffer.Replayable && young && buffer.Rows.Count < MaxBufferedRows)
            {
                buffer.Held = checkpoint;
                buffer.HeldRows = buffer.Rows.Count;
            }
            else
            {
                await CommitAsync(runId, buffer, checkpoint, buffer.Rows.Count);
            }

            buffer.Replayable = true;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Commits what is buffered for a run — the held checkpoint and every row — before something outside the run
    /// reads its trace (a gate's evidence, a compensation) or the run stops for good.
    /// </summary>
    public async Task FlushAsync(Guid runId)
    {
        if (!_buffers.TryGetValue(runId, out var buffer) || (buffer.Rows.Count == 0 && buffer.Held is null))
        {
            return;
        }

        var gate = _locks.GetOrAdd(runId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(CancellationToken.None);
        try
        {
            await CommitAsync(runId, buffer, buffer.Held, buffer.Rows.Count);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Takes the run's buffered rows for its final status change (committed by the caller with
    /// <see cref="IRunStore.TransitionWithTraceAsync"/>, then passed to <see cref="Publish"/>); a held checkpoint is
    /// dropped, since a run that ends needs none. Call it only when no executor of the run writes any more.
    /// </summary>
    /// <returns>The rows, oldest first (empty when not batching).</returns>
    public IReadOnlyList<NewTraceEvent> TakeRows(Guid runId)
    {
        if (!_buffers.TryGetValue(runId, out var buffer))
        {
            return [];
        }

        var rows = buffer.Rows.ToList();
        buffer.Clear();
        return rows;
    }

    /// <summary>Drops what is buffered: a write of the run failed, and it resumes from its newest stored checkpoint.</summary>
    public void Discard(Guid runId)
    {
        if (_buffers.TryGetValue(runId, out var buffer))
        {
            buffer.Clear();
        }
    }

    /// <summary>Publishes committed rows on the live trace, in order.</summary>
    /// <param name="rows">The committed rows.</param>
    public void Publish(IReadOnlyList<TraceEventRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            _notifier?.Publish(row);
        }
    }

    /// <summary>
    /// Stops batching a run whose work has returned. Rows still buffered are committed when the run has ended (an
    /// operator's cancel stopped it mid-step: they are its history); otherwise (the host is stopping, a write failed)
    /// only the held checkpoint and the rows up to it are, and the run's next start from there writes the rest once.
    /// </summary>
    public async Task EndAsync(Guid runId)
    {
        // The run's append lock too: flushes after TakeCost may have added it again.
        _locks.TryRemove(runId, out _);
        if (!_buffers.TryRemove(runId, out var buffer) || buffer.Rows.Count == 0)
        {
            return;
        }

        try
        {
            var run = await _store.GetRunAsync(runId, CancellationToken.None);
            if (run is not null && RunStatuses.IsTerminal(run.Status))
            {
                await CommitAsync(runId, buffer, null, buffer.Rows.Count);
            }
            else if (buffer.Held is not null)
            {
                await CommitAsync(runId, buffer, buffer.Held, buffer.HeldRows);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Storage refused. Not marked as a fault: no result of this work is left to hold back, and a mark would
            // fail the run's next, healthy execution. A run that is not over resumes from its newest stored
            // checkpoint, which has every row up to it; a cancelled run loses the rows of its interrupted step.
        }
    }

    /// <summary>
    /// Returns and resets the cost summed for a run since the last call, and forgets the run's append lock; call it
    /// when a start or resume has returned (no executor of the run writes any more).
    /// </summary>
    public decimal TakeCost(Guid runId)
    {
        _locks.TryRemove(runId, out _);
        return _costs.TryRemove(runId, out var cost) ? cost : 0m;
    }

    /// <summary>A node that is not replayable starts: its invocation is committed with everything up to the held checkpoint.</summary>
    private async Task WriteAheadAsync(Guid runId, RunTraceBuffer buffer, NewTraceEvent invoked)
    {
        // Rows of this superstep buffered before it (a parallel branch) stay buffered for the superstep's checkpoint.
        var rows = buffer.Rows.Take(buffer.HeldRows).Append(invoked).ToList();
        try
        {
            Publish(await _store.AppendRunWritesAsync(runId, buffer.Held, rows, CancellationToken.None));
        }
        catch
        {
            buffer.Clear();
            throw;
        }

        buffer.Rows.RemoveRange(0, buffer.HeldRows);
        buffer.Held = null;
        buffer.HeldRows = 0;
        buffer.OldestAt = buffer.Rows.Count > 0 ? _time.GetUtcNow() : null;
    }

    /// <summary>Commits <paramref name="checkpoint"/> (or none) with the first <paramref name="count"/> rows and publishes them.</summary>
    private async Task CommitAsync(Guid runId, RunTraceBuffer buffer, RunCheckpointRecord? checkpoint, int count)
    {
        var rows = buffer.Rows.Take(count).ToList();
        try
        {
            Publish(await _store.AppendRunWritesAsync(runId, checkpoint, rows, CancellationToken.None));
        }
        catch
        {
            // Nothing of it committed: the run resumes from its newest stored checkpoint and writes the rows again.
            buffer.Clear();
            throw;
        }

        buffer.Rows.RemoveRange(0, count);
        buffer.Held = null;
        buffer.HeldRows = 0;
        buffer.OldestAt = buffer.Rows.Count > 0 ? _time.GetUtcNow() : null;
    }
}
