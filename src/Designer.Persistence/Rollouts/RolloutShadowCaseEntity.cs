namespace Designer.Persistence;

/// <summary>
/// EF Core row for one live input mirrored to the candidate in shadow mode: the candidate's shadow result and, once
/// the live run has finished, whether it decided differently (a flip).
/// </summary>
public sealed class RolloutShadowCaseEntity
{
    /// <summary>Rollout that mirrored the input (shadow mode).</summary>
    public Guid RolloutId { get; set; }

    /// <summary>The live run whose input was mirrored.</summary>
    public Guid RunId { get; set; }

    /// <summary><c>automated</c>, <c>escalated</c> or <c>failed</c>.</summary>
    public string Outcome { get; set; } = string.Empty;

    /// <summary>The candidate's End node, if it reached one.</summary>
    public string? EndNode { get; set; }

    /// <summary>The role a gate would have escalated to.</summary>
    public string? EscalatedTo { get; set; }

    /// <summary>Whether a node took its degraded port.</summary>
    public bool Degraded { get; set; }

    /// <summary>Shadow decision latency.</summary>
    public double LatencyMs { get; set; }

    /// <summary>What the candidate's chat-model calls cost on this input, at the registered token prices.</summary>
    public decimal Cost { get; set; }

    /// <summary>The live run's End node, once it finished.</summary>
    public string? LiveEndNode { get; set; }

    /// <summary>Whether a human decided the live run (then its End node is a label).</summary>
    public bool LiveHumanDecided { get; set; }

    /// <summary>Candidate and live ended differently; null until the live run finished.</summary>
    public bool? Flipped { get; set; }

    /// <summary>When the shadow result was stored.</summary>
    public DateTimeOffset RecordedAt { get; set; }
}
