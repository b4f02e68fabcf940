using System.Text.Json.Nodes;

namespace Designer.Runtime.Evaluations;

/// <summary>What one input did in one shadow run: how it ended, the path, the scores, the latency and the cost.</summary>
public sealed record ShadowResult
{
    /// <summary>One of <see cref="ShadowOutcomes"/>.</summary>
    public required string Outcome { get; init; }

    /// <summary>The End node reached, when automated.</summary>
    public string? EndNode { get; init; }

    /// <summary>The run output, when automated.</summary>
    public JsonObject? Output { get; init; }

    /// <summary>The human gate the case stopped at, when escalated.</summary>
    public string? GateNode { get; init; }

    /// <summary>The role the case would have gone to, when escalated.</summary>
    public string? EscalatedTo { get; init; }

    /// <summary>Why it failed or stalled.</summary>
    public string? Error { get; init; }

    /// <summary>Nodes completed, in order, with the port each one left by.</summary>
    public required IReadOnlyList<ShadowStep> Path { get; init; }

    /// <summary>Numeric output fields of model nodes: <c>nodeId.field</c> → value.</summary>
    public required IReadOnlyDictionary<string, double> Scores { get; init; }

    /// <summary>Whether any node took its <c>degraded</c> port (SLO breach, unavailable model, fallback).</summary>
    public bool Degraded { get; init; }

    /// <summary>Milliseconds from start to the automatic decision or the escalation.</summary>
    public double LatencyMs { get; init; }

    /// <summary>Cost of the nodes that ran.</summary>
    public decimal Cost { get; init; }
}
