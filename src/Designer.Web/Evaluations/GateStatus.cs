namespace Designer.Web.Evaluations;

/// <summary>What the approval screen shows: the latest evaluation of a version and how it stands against the budget.</summary>
internal sealed record GateStatus(
    bool Required, bool Passed, int MinCases, EvaluationRecord? Latest, EvaluationReport? Report, BudgetVerdict? Verdict,
    WorkflowBudgetRecord? Budget, IReadOnlyList<string> Reasons);
