using Designer.Runtime.Evaluations;

namespace Designer.Web.Evaluations;

/// <summary>Both sides' metrics.</summary>
internal sealed record MetricsResponse(SideMetrics? Baseline, SideMetrics Candidate);
