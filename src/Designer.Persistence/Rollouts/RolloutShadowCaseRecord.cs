namespace Designer.Persistence;

/// <summary>One mirrored input's shadow result (shadow mode).</summary>
/// <param name="RolloutId">Rollout that mirrored the input.</param>
/// <param name="RunId">The live run.</param>
/// <param name="Outcome"><c>automated</c>, <c>escalated</c> or <c>failed</c>.</param>
/// <param name="EndNode">The candidate's End node.</param>
/// <param name="EscalatedTo">Role a gate would have escalated to.</param>
/// <param name="Degraded">A node took its degraded port.</param>
/// <param name="LiveEndNode">The live run's End node, once finished.</param>
/// <param name="LiveHumanDecided">A human decided the live run.</param>
/// <param name="Flipped">Decided differently; null until the live run finished.</param>
public sealed record RolloutShadowCaseRecord(
    Guid RolloutId, Guid RunId, string Outcome, string? EndNode, string? EscalatedTo, bool Degraded, double LatencyMs, decimal Cost,
    string? LiveEndNode = null, bool LiveHumanDecided = false, bool? Flipped = null)
{
    internal static RolloutShadowCaseRecord From(RolloutShadowCaseEntity e) => new(
        e.RolloutId, e.RunId, e.Outcome, e.EndNode, e.EscalatedTo, e.Degraded, e.LatencyMs, e.Cost, e.LiveEndNode, e.LiveHumanDecided, e.Flipped);
}
