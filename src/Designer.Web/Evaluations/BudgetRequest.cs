using System.Text.Json.Nodes;

namespace Designer.Web.Evaluations;

/// <summary>The body of <c>PUT /api/workflows/{id}/budget</c>: the failure budget's limits, at least one of them set.</summary>
/// <param name="MaxWrongAutomaticRate">The largest share of automatic decisions that may be wrong, from 0 to 1; null for no limit.</param>
/// <param name="MinAutomationRate">The smallest share of cases decided automatically, from 0 to 1; null for no limit.</param>
/// <param name="MaxP95LatencyMs">The largest 95th-percentile decision time in milliseconds, up to a day; null for no limit.</param>
/// <param name="NoNewlyFailingCritical">True: no case tagged <c>critical</c> that the baseline got right may fail; absent means false.</param>
internal sealed record BudgetRequest(
    double? MaxWrongAutomaticRate = null, double? MinAutomationRate = null, double? MaxP95LatencyMs = null, bool? NoNewlyFailingCritical = null)
{
    private const double MaxLatencyMs = 86_400_000;

    /// <summary>Binds and checks the body into the workflow's budget, listing every problem; null when there is one.</summary>
    public static WorkflowBudgetRecord? Read(Guid workflowId, JsonObject json, List<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(problems);
        var count = problems.Count;
        var request = EvaluationBinding.Bind<BudgetRequest>(json, name => name.ToUpperInvariant() switch
        {
            "MAXWRONGAUTOMATICRATE" => RangeProblem("maxWrongAutomaticRate", 0, 1),
            "MINAUTOMATIONRATE" => RangeProblem("minAutomationRate", 0, 1),
            "MAXP95LATENCYMS" => RangeProblem("maxP95LatencyMs", 0, MaxLatencyMs),
            _ => new ValidationProblem("budget.noNewlyFailingCritical", "noNewlyFailingCritical must be true or false.", Field: "noNewlyFailingCritical"),
        }, problems, out _) ?? new BudgetRequest();
        var wrong = InRange(request.MaxWrongAutomaticRate, "maxWrongAutomaticRate", 1, problems);
        var automation = InRange(request.MinAutomationRate, "minAutomationRate", 1, problems);
        var p95 = InRange(request.MaxP95LatencyMs, "maxP95LatencyMs", MaxLatencyMs, problems);
        var critical = request.NoNewlyFailingCritical ?? false;
        if (problems.Count == count && wrong is null && automation is null && p95 is null && !critical)
        {
            problems.Add(new ValidationProblem("budget.empty", "Set at least one limit.", Field: "maxWrongAutomaticRate"));
        }

        return problems.Count > count ? null : new WorkflowBudgetRecord(workflowId, wrong, automation, p95, critical);
    }

    private static double? InRange(double? value, string key, double max, List<ValidationProblem> problems)
    {
        if (value is null || (value >= 0 && value <= max))
        {
            return value;
        }

        problems.Add(RangeProblem(key, 0, max));
        return null;
    }

    private static ValidationProblem RangeProblem(string key, double min, double max) =>
        new($"budget.{key}", $"{key} must be a number from {min} to {max}.", Field: key);
}
