namespace Designer.Persistence;

/// <summary>EF Core row for one finished case of an evaluation; written as the case finishes, never rewritten.</summary>
public sealed class EvaluationCaseEntity
{
    /// <summary>Evaluation this case result belongs to.</summary>
    public Guid EvaluationId { get; set; }

    /// <summary>The dataset case number.</summary>
    public int CaseNumber { get; set; }

    /// <summary>The baseline side's shadow result (JSON), null without a baseline.</summary>
    public string? BaselineJson { get; set; }

    /// <summary>The candidate side's shadow result (JSON).</summary>
    public string CandidateJson { get; set; } = "{}";

    /// <summary>When it finished.</summary>
    public DateTimeOffset CompletedAt { get; set; }
}
