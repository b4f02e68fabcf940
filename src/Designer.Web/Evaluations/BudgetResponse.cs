namespace Designer.Web.Evaluations;

/// <summary>A workflow's failure budget as the API shows it; a limit that is not set is left out.</summary>
/// <param name="WorkflowId">The workflow the budget gates (one budget per workflow).</param>
/// <param name="MaxWrongAutomaticRate">The largest share of wrong automatic decisions, from 0 to 1.</param>
/// <param name="MinAutomationRate">The smallest share of cases decided automatically, from 0 to 1.</param>
/// <param name="MaxP95LatencyMs">The largest 95th-percentile decision time in milliseconds.</param>
/// <param name="NoNewlyFailingCritical">True: no critical case that the baseline got right may fail.</param>
internal sealed record BudgetResponse(
    Guid WorkflowId, double? MaxWrongAutomaticRate, double? MinAutomationRate, double? MaxP95LatencyMs, bool NoNewlyFailingCritical)
{
    public static BudgetResponse From(WorkflowBudgetRecord budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        return new(budget.WorkflowId, budget.MaxWrongAutomaticRate, budget.MinAutomationRate, budget.MaxP95LatencyMs, budget.NoNewlyFailingCritical);
    }
}
