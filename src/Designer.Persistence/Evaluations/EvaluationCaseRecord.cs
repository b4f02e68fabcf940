namespace Designer.Persistence;

/// <summary>One finished case of an evaluation.</summary>
/// <param name="CaseNumber">Dataset case number.</param>
/// <param name="BaselineJson">Baseline shadow result.</param>
/// <param name="CandidateJson">Candidate shadow result.</param>
public sealed record EvaluationCaseRecord(int CaseNumber, string? BaselineJson, string CandidateJson);
