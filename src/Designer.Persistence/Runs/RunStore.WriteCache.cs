using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

public sealed partial class RunStore : IRunWriteCache
{
    private readonly ConcurrentDictionary<Guid, RunWriteState> _held = new();

    /// <inheritdoc />
    public void Hold(Guid runId) => _held.TryAdd(runId, new RunWriteState());

    /// <inheritdoc />
    public void Release(Guid runId) => _held.TryRemove(runId, out _);

    /// <summary>
    /// Runs one write of <paramref name="runId"/> on a fresh context, with the run's held state when it is held
    /// (serialised with the run's other writes) or none. A failed write forgets the state, so a vault entry or
    /// sequence that was never committed is never reused.
    /// </summary>
    private async Task<T> WriteAsync<T>(Guid runId, Func<DesignerDbContext, RunWriteState?, Task<T>> write, CancellationToken cancellationToken)
    {
        if (!_held.TryGetValue(runId, out var state))
        {
            await using var plain = await _contextFactory.CreateDbContextAsync(cancellationToken);
            return await write(plain, null);
        }

        await state.Gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
            return await write(db, state);
        }
        catch
        {
            Forget(state);
            throw;
        }
        finally
        {
            state.Gate.Release();
        }
    }

    /// <summary>Saves; when the save fails (even where the caller turns that into a result) the held state is forgotten.</summary>
    private static async Task SaveAsync(DesignerDbContext db, RunWriteState? state, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch when (state is not null)
        {
            Forget(state);
            throw;
        }
    }

    private static void Forget(RunWriteState state)
    {
        state.Vault = null;
        state.LastTrace = null;
        state.LastCheckpoint = null;
    }

    /// <summary>The run's vault for a write on <paramref name="db"/>: the held one (bound to this context) or a fresh read.</summary>
    private async Task<RunVaultSession?> VaultAsync(DesignerDbContext db, Guid runId, RunWriteState? state, CancellationToken cancellationToken)
    {
        if (_vault is null)
        {
            return null;
        }

        if (state is null)
        {
            return await _vault.OpenAsync(db, runId, readOnly: false, cancellationToken);
        }

        if (state.Vault is null)
        {
            state.Vault = await _vault.OpenAsync(db, runId, readOnly: false, cancellationToken);
        }
        else
        {
            state.Vault.Bind(db, Clock.UtcNow(_timeProvider));
        }

        return state.Vault;
    }

    private static async Task<long> LastTraceAsync(DesignerDbContext db, Guid runId, RunWriteState? state, CancellationToken cancellationToken) =>
        state?.LastTrace ?? await db.TraceEvents.Where(e => e.RunId == runId).MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;

    private static async Task<long> LastCheckpointAsync(DesignerDbContext db, Guid runId, RunWriteState? state, CancellationToken cancellationToken) =>
        state?.LastCheckpoint ?? await db.RunCheckpoints.Where(c => c.RunId == runId).MaxAsync(c => (long?)c.Sequence, cancellationToken) ?? 0;
}
