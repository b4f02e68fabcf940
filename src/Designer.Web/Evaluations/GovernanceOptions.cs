namespace Designer.Web.Evaluations;

/// <summary>What approval requires beyond four eyes, bound from <c>Designer:Governance</c>.</summary>
public sealed class GovernanceOptions
{
    /// <summary>The section of appsettings (or <c>Designer__Governance__*</c> environment variables) these options are bound from.</summary>
    public const string SectionName = "Designer:Governance";

    /// <summary>Refuse to approve a version without a passing evaluation against the workflow's failure budget.</summary>
    public bool RequireEvaluation { get; set; }

    /// <summary>Fewest dataset cases a passing evaluation must have covered.</summary>
    public int MinEvaluationCases { get; set; } = 30;
}
