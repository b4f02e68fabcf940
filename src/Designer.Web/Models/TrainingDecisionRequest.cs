namespace Designer.Web.Models;

/// <summary>One reviewer's decision in a training body.</summary>
/// <param name="DisputeId">The dispute that was decided, e.g. <c>D-000042</c>; required.</param>
/// <param name="HighRisk">Whether the reviewer judged the dispute high-risk; required (null means it was left out).</param>
internal sealed record TrainingDecisionRequest(string? DisputeId, bool? HighRisk);
