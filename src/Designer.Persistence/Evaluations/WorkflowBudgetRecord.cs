namespace Designer.Persistence;

/// <summary>A workflow's failure budget.</summary>
/// <param name="WorkflowId">Workflow the budget gates; one budget per workflow.</param>
/// <param name="MaxWrongAutomaticRate">Largest wrong-automatic rate, 0..1.</param>
/// <param name="MinAutomationRate">Smallest automation rate, 0..1.</param>
/// <param name="MaxP95LatencyMs">Largest p95 decision latency.</param>
/// <param name="NoNewlyFailingCritical">No critical case may newly fail.</param>
public sealed record WorkflowBudgetRecord(
    Guid WorkflowId, double? MaxWrongAutomaticRate, double? MinAutomationRate, double? MaxP95LatencyMs, bool NoNewlyFailingCritical)
{
    internal static WorkflowBudgetRecord From(WorkflowBudgetEntity e) =>
        new(e.WorkflowId, e.MaxWrongAutomaticRate, e.MinAutomationRate, e.MaxP95LatencyMs, e.NoNewlyFailingCritical);
}
