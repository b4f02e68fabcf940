using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Runtime.State;

namespace Designer.Runtime.Executors;

/// <summary>One execution of one node: its state, attempt, idempotency key and start time.</summary>
internal sealed class NodeScope
{
    private JsonObject? _variables;

    public NodeScope(string nodeId, RunState state, DateTimeOffset startedAt, long startTimestamp)
    {
        NodeId = nodeId;
        State = state;
        Attempt = state.NextAttempt(nodeId);
        IdempotencyKey = string.Create(CultureInfo.InvariantCulture, $"{state.RunId}:{nodeId}:{Attempt}");
        StartedAt = startedAt;
        StartTimestamp = startTimestamp;
    }

    public string NodeId { get; }

    public RunState State { get; }

    public int Attempt { get; }

    /// <summary>runId:nodeId:attempt. Deterministic from the checkpointed state, so a node re-run after a crash
    /// reuses the key and downstream systems can deduplicate.</summary>
    public string IdempotencyKey { get; }

    public DateTimeOffset StartedAt { get; }

    public long StartTimestamp { get; }

    /// <summary>The expression variables; built once per execution.</summary>
    public JsonObject Variables => _variables ??= State.ToVariables();
}
