namespace Designer.Web.Evaluations;

/// <summary>The answer of <c>GET /api/workflows/{id}/versions/{number}/evaluation-gate</c>: how the version stands against the budget.</summary>
/// <param name="Required">True when <c>Designer:Governance:RequireEvaluation</c> makes approval wait for a passing evaluation.</param>
/// <param name="Passed">True when the latest finished evaluation covered enough cases and met the budget.</param>
/// <param name="MinCases">How many cases an evaluation must cover to count.</param>
/// <param name="EvaluationId">The latest finished evaluation of the version; null when there is none.</param>
/// <param name="Budget">The workflow's failure budget; null when it declares none.</param>
/// <param name="Metrics">Both sides' metrics of that evaluation; null without one.</param>
/// <param name="Reasons">Why the version does not pass, one sentence each; empty when it passes.</param>
internal sealed record EvaluationGateResponse(
    bool Required, bool Passed, int MinCases, Guid? EvaluationId, BudgetResponse? Budget, MetricsResponse? Metrics, IReadOnlyList<string> Reasons)
{
    public static EvaluationGateResponse From(GateStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(
            status.Required, status.Passed, status.MinCases, status.Latest?.Id, status.Budget is { } budget ? BudgetResponse.From(budget) : null,
            status.Report is { } report ? new MetricsResponse(report.Baseline, report.Candidate) : null, status.Reasons);
    }
}
