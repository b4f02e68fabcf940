namespace Designer.Web.Evaluations;

/// <summary>Progress of an evaluation job.</summary>
internal sealed record ProgressResponse(int Done, int Total, double? CasesPerSecond, double? EtaSeconds);
