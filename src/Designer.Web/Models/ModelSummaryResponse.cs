namespace Designer.Web.Models;

/// <summary>One model in <c>GET /api/models</c>.</summary>
internal sealed record ModelSummaryResponse(
    string Id,
    string Kind,
    IReadOnlyList<string> Labels,
    int VersionCount,
    int? LatestApprovedVersion,
    int PendingVersions,
    string? Provider,
    string? ProviderReason);
