namespace Designer.Persistence;

/// <summary>
/// Per-run state that a run's writes reuse while this process executes the run (issue 15): the run's vault, read
/// and decrypted once, and the next trace and checkpoint sequence numbers, read once. Outside a hold every write
/// reads that state from the database, as any writer that does not own the run must.
/// </summary>
/// <remarks>
/// Only the process executing the run may hold it (the run's work is serialised per run on one host), so no other
/// writer adds vault entries or rows with sequences while it is held. A failed write drops the state, so the next
/// write reads it again; a new hold (a resume, a recovery on another host) always starts from the database.
/// </remarks>
public interface IRunWriteCache
{
    /// <summary>Starts reusing the run's write state (loaded on the run's first write).</summary>
    void Hold(Guid runId);

    /// <summary>Forgets the run's write state; call when the run's work has returned.</summary>
    void Release(Guid runId);
}
