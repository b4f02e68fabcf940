using Designer.Runtime.Evaluations;

namespace Designer.Web.Evaluations;

/// <summary>One side of a case in a report.</summary>
internal sealed record CaseSide(
    string Outcome, string? End, string? Gate, string? EscalatedTo, bool Matched, bool Degraded, double LatencyMs, decimal Cost,
    IReadOnlyList<ShadowStep> Path, string? Error)
{
    public string Key => Outcome switch
    {
        ShadowOutcomes.Automated => $"end:{End}",
        ShadowOutcomes.Escalated => $"escalated:{Gate}",
        _ => "failed",
    };

    public static CaseSide From(ShadowResult r, bool matched) =>
        new(r.Outcome, r.EndNode, r.GateNode, r.EscalatedTo, matched, r.Degraded, r.LatencyMs, r.Cost, r.Path, r.Error);
}
