namespace Designer.Web.Models;

/// <summary>One model version with its metrics, governance and the workflow versions that use it.</summary>
internal sealed record ModelVersionResponse(
    string Model,
    int Version,
    string Status,
    IReadOnlyDictionary<string, double> Metrics,
    string TrainedById,
    string TrainedBy,
    DateTimeOffset CreatedAt,
    string? Description,
    string? StatusChangedBy,
    DateTimeOffset? StatusChangedAt,
    string? Provider,
    string? ProviderReason,
    IReadOnlyList<ModelUsageResponse> UsedBy);
