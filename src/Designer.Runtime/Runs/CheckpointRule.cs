using Designer.Workflows.Catalogue;

namespace Designer.Runtime.Runs;

/// <summary>
/// Which supersteps need their checkpoint persisted (issue 15), in one place. A superstep whose nodes are all
/// <em>replayable</em> — cheap, deterministic and without effects outside the run (start, condition, policy, end) —
/// may skip its checkpoint: after a crash the run resumes from an earlier one and runs those nodes again, with the same
/// result, and their trace rows (buffered with the skipped checkpoint) are written once then. Every other kind (human
/// gates, actions, model, retrieval, and any kind added later) persists the checkpoint after its superstep, so it is
/// never re-run once done, and persists what came before it before it starts.
/// </summary>
public static class CheckpointRule
{
    private static readonly HashSet<string> Replayable = new(StringComparer.Ordinal)
    {
        NodeKinds.Start,
        NodeKinds.Condition,
        NodeKinds.Policy,
        NodeKinds.End,
    };

    /// <summary>True when a node of this kind may run again after a crash without anyone noticing.</summary>
    /// <param name="nodeKind">The node kind, or null for an event not about a node.</param>
    /// <returns>Whether a superstep of such nodes may skip its checkpoint.</returns>
    public static bool IsReplayable(string? nodeKind) => nodeKind is null || Replayable.Contains(nodeKind);
}
