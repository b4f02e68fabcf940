namespace Designer.Persistence;

/// <summary>A new evaluation.</summary>
/// <param name="WorkflowId">Workflow whose draft or version is evaluated.</param>
/// <param name="DatasetId">Dataset whose cases are run against both sides.</param>
/// <param name="CandidateVersion">Candidate version (null: the draft).</param>
/// <param name="CandidateHash">Candidate content hash.</param>
/// <param name="CandidateJson">Candidate definition.</param>
/// <param name="BaselineJson">Baseline definition.</param>
public sealed record NewEvaluation(
    Guid WorkflowId, Guid DatasetId, int? CandidateVersion, string CandidateHash, string CandidateJson,
    int? BaselineVersion, string? BaselineHash, string? BaselineJson);
