namespace Designer.Web.Evaluations;

/// <summary>The checked sides of an evaluation to start: the candidate (a version or the draft), an optional baseline version, the dataset.</summary>
internal sealed record StartEvaluation(int? CandidateVersion, bool CandidateDraft, int? BaselineVersion, Guid DatasetId);
