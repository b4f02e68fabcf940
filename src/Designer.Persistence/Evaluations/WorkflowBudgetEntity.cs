namespace Designer.Persistence;

/// <summary>EF Core row for a workflow's failure budget: what an evaluation must show before approval.</summary>
public sealed class WorkflowBudgetEntity
{
    /// <summary>The workflow (one budget each).</summary>
    public Guid WorkflowId { get; set; }

    /// <summary>Largest acceptable wrong-automatic-decision rate, 0..1.</summary>
    public double? MaxWrongAutomaticRate { get; set; }

    /// <summary>Smallest acceptable automation rate, 0..1.</summary>
    public double? MinAutomationRate { get; set; }

    /// <summary>Largest acceptable p95 decision latency in milliseconds.</summary>
    public double? MaxP95LatencyMs { get; set; }

    /// <summary>Whether a case tagged <c>critical</c> may not newly fail.</summary>
    public bool NoNewlyFailingCritical { get; set; }

    /// <summary>Who set it.</summary>
    public string UpdatedById { get; set; } = string.Empty;

    /// <summary>When it was set.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
