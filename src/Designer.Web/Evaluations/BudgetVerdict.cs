namespace Designer.Web.Evaluations;

/// <summary>A failure-budget verdict: passed, and if not, each reason.</summary>
internal sealed record BudgetVerdict(bool Passed, IReadOnlyList<string> Reasons);
