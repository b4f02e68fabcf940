using Designer.Persistence;

namespace Designer.Runtime.Runs;

/// <summary>
/// A run's trace rows not yet committed (issue 15), and the checkpoint of the last superstep when it was skipped.
/// Invariant: every committed row is committed with (or after) a checkpoint at or after its superstep, so resuming
/// from the newest stored checkpoint never writes a row twice — apart from the write-ahead row of a node that is not
/// replayable, whose second invocation after a crash is real and carries the same idempotency key.
/// </summary>
internal sealed class RunTraceBuffer
{
    /// <summary>Rows in the order they happened.</summary>
    public List<NewTraceEvent> Rows { get; } = [];

    /// <summary>The last superstep's checkpoint when it was not persisted, else null.</summary>
    public RunCheckpointRecord? Held { get; set; }

    /// <summary>How many of <see cref="Rows"/> belong to supersteps up to <see cref="Held"/>.</summary>
    public int HeldRows { get; set; }

    /// <summary>True while every node of the current superstep is replayable.</summary>
    public bool Replayable { get; set; } = true;

    /// <summary>When the oldest row of <see cref="Rows"/> was buffered.</summary>
    public DateTimeOffset? OldestAt { get; set; }

    /// <summary>Forgets everything (all of it was committed, or none of it may be).</summary>
    public void Clear()
    {
        Rows.Clear();
        Held = null;
        HeldRows = 0;
        OldestAt = null;
    }
}
