namespace Designer.Web.Evaluations;

/// <summary>A score present on both sides that changed.</summary>
internal sealed record ScoreChange(string Key, double Baseline, double Candidate, double Delta);
