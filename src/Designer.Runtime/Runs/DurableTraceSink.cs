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
public sealed class DurableTraceSink : ITraceSink
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly IRunStore _store;
    private readonly ITraceNotifier? _notifier;
    private readonly StorageFaults _faults;
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _locks = new();
    private readonly ConcurrentDictionary<Guid, decimal> _costs = new();

    /// <summary>Creates the sink.</summary>
    /// <param name="store">The run store.</param>
    /// <param name="faults">Where failed writes are recorded.</param>
    /// <param name="notifier">Live push of committed rows, or null for none.</param>
    public DurableTraceSink(IRunStore store, StorageFaults faults, ITraceNotifier? notifier = null)
    {
        _store = store;
        _faults = faults;
        _notifier = notifier;
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
        var gate = _locks.GetOrAdd(runId, _ => new SemaphoreSlim(1, 1));
        // Not the caller's token: an event of a run being cancelled is still part of its history.
        await gate.WaitAsync(CancellationToken.None);
        try
        {
            var row = await _store.AppendTraceAsync(runId, traceEvent.Kind, traceEvent.NodeId, json, traceEvent.StartedAt, CancellationToken.None);
            _notifier?.Publish(row);
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
    /// Returns and resets the cost summed for a run since the last call, and forgets the run's append lock; call it
    /// when a start or resume has returned (no executor of the run writes any more).
    /// </summary>
    /// <param name="runId">Run id.</param>
    /// <returns>The cost.</returns>
    public decimal TakeCost(Guid runId)
    {
        _locks.TryRemove(runId, out _);
        return _costs.TryRemove(runId, out var cost) ? cost : 0m;
    }
}
