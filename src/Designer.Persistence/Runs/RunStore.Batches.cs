using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

public sealed partial class RunStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<TraceEventRecord>> AppendRunWritesAsync(Guid runId, RunCheckpointRecord? checkpoint, IReadOnlyList<NewTraceEvent> trace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trace);
        return WriteAsync<IReadOnlyList<TraceEventRecord>>(runId, async (db, state) =>
        {
            var (rows, lastTrace) = await AddTraceAsync(db, runId, state, trace, cancellationToken);
            long? lastCheckpoint = null;
            if (checkpoint is not null)
            {
                lastCheckpoint = await AddCheckpointAsync(db, runId, state, checkpoint, cancellationToken);
            }

            if (rows.Count > 0 || lastCheckpoint is not null)
            {
                await SaveAsync(db, state, cancellationToken);
            }

            Advance(state, rows.Count > 0 ? lastTrace : null, lastCheckpoint);
            return rows;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<RunTraceTransition> TransitionWithTraceAsync(Guid id, IReadOnlyCollection<RunStatus> from, RunTransition transition, IReadOnlyList<NewTraceEvent> trace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(transition);
        ArgumentNullException.ThrowIfNull(trace);
        var result = await WriteAsync(id, async (db, state) =>
        {
            var run = await db.Runs.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
            var (rows, lastTrace) = await AddTraceAsync(db, id, state, trace, cancellationToken);
            var applies = run is not null && from.Contains(run.Status);
            if (applies)
            {
                await ApplyAsync(db, state, run!, transition, cancellationToken);
                AddNotifications(db, run!);
            }

            try
            {
                // Conditional on the concurrency token read above when the change applies.
                await SaveAsync(db, state, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return null;
            }

            Advance(state, rows.Count > 0 ? lastTrace : null, null);
            return new RunTraceTransition(applies ? RunRecord.From(run!) : null, rows);
        }, cancellationToken);

        // A concurrent change (an operator's cancel) won: the run's rows are history all the same.
        return result ?? new RunTraceTransition(null, await AppendRunWritesAsync(id, null, trace, cancellationToken));
    }

    /// <summary>Adds trace rows numbered after the run's last one; returns them and the last sequence used.</summary>
    private async Task<(List<TraceEventRecord> Rows, long Last)> AddTraceAsync(DesignerDbContext db, Guid runId, RunWriteState? state, IReadOnlyList<NewTraceEvent> trace, CancellationToken cancellationToken)
    {
        var rows = new List<TraceEventRecord>(trace.Count);
        if (trace.Count == 0)
        {
            return (rows, 0);
        }

        var sequence = await LastTraceAsync(db, runId, state, cancellationToken);
        var vault = await VaultAsync(db, runId, state, cancellationToken);
        foreach (var row in trace)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(row.Kind);
            ArgumentNullException.ThrowIfNull(row.Json);
            sequence++;
            var stored = vault?.TokenizeJson(row.Json) ?? row.Json;
            db.TraceEvents.Add(new TraceEventEntity
            {
                RunId = runId,
                Sequence = sequence,
                Kind = row.Kind,
                NodeId = row.NodeId,
                Json = stored,
                Timestamp = row.Timestamp,
            });
            rows.Add(new TraceEventRecord(runId, sequence, row.Kind, row.NodeId, stored, row.Timestamp));
        }

        return (rows, sequence);
    }

    /// <summary>Moves the held sequences on once a write committed.</summary>
    private static void Advance(RunWriteState? state, long? lastTrace, long? lastCheckpoint)
    {
        if (state is null)
        {
            return;
        }

        if (lastTrace is { } trace)
        {
            state.LastTrace = trace;
        }

        if (lastCheckpoint is { } checkpoint)
        {
            state.LastCheckpoint = checkpoint;
        }
    }
}
