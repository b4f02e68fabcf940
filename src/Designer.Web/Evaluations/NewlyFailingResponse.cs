namespace Designer.Web.Evaluations;

/// <summary>A case the baseline got right and the candidate gets wrong.</summary>
internal sealed record NewlyFailingResponse(int Number, IReadOnlyList<string> Tags, bool Critical, string? ExpectedEnd, string CandidateOutcome);
