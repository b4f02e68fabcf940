namespace Designer.Web.Evaluations;

/// <summary>One published workflow version a model version would serve, with its latest evaluation against its budget.</summary>
/// <param name="WorkflowId">The id of the workflow whose published version serves the model.</param>
/// <param name="WorkflowName">The workflow's name, for the approver.</param>
/// <param name="WorkflowVersion">The published version.</param>
/// <param name="Pinned">True when the version pins this model version; false when it follows the latest approved one.</param>
/// <param name="Passed">Whether the version's latest evaluation meets the budget.</param>
/// <param name="MinCases">The fewest cases an evaluation must cover to count.</param>
/// <param name="EvaluationId">The latest evaluation, or null when none ran.</param>
/// <param name="Budget">The workflow's failure budget, or null when it has none.</param>
/// <param name="Metrics">The latest evaluation's metrics, or null when it has no report.</param>
/// <param name="Reasons">Why the version does not pass; empty when it does.</param>
internal sealed record ModelPinGateResponse(
    Guid WorkflowId, string WorkflowName, int WorkflowVersion, bool Pinned, bool Passed, int MinCases, Guid? EvaluationId,
    WorkflowBudgetRecord? Budget, MetricsResponse? Metrics, IReadOnlyList<string> Reasons)
{
    /// <summary>The API shape of one pinned workflow version's gate.</summary>
    public static ModelPinGateResponse From(ModelPinGate v) => new(
        v.WorkflowId, v.WorkflowName, v.WorkflowVersion, v.Pinned, v.Gate.Passed, v.Gate.MinCases, v.Gate.Latest?.Id, v.Gate.Budget,
        v.Gate.Report is null ? null : new MetricsResponse(v.Gate.Report.Baseline, v.Gate.Report.Candidate), v.Gate.Reasons);
}
