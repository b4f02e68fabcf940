namespace Designer.Runtime.Execution;

/// <summary>
/// Durable storage of a run's checkpoints. Production implementations live in the persistence layer (next step:
/// EF Core on SQLite/PostgreSQL); tests use an in-memory one. Writes for one run are serialised by the caller.
/// </summary>
public interface IRunCheckpointStore
{
    /// <summary>Appends a checkpoint.</summary>
    ValueTask SaveAsync(string runId, RunCheckpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>Reads one checkpoint.</summary>
    /// <returns>The checkpoint, or null.</returns>
    ValueTask<RunCheckpoint?> GetAsync(string runId, string checkpointId, CancellationToken cancellationToken);

    /// <summary>Every checkpoint of a run, oldest first.</summary>
    ValueTask<IReadOnlyList<RunCheckpoint>> ListAsync(string runId, CancellationToken cancellationToken);
}
