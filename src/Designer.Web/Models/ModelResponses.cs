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

/// <summary>A model and all its versions: <c>GET /api/models/{id}</c>.</summary>
internal sealed record ModelDetailResponse(string Id, string Kind, IReadOnlyList<string> Labels, IReadOnlyList<ModelVersionResponse> Versions);

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

/// <summary>A workflow version whose model node refers to this model version (pinned, or "latest" when unpinned).</summary>
internal sealed record ModelUsageResponse(Guid WorkflowId, string WorkflowName, int WorkflowVersion, string Status, string NodeId, bool Pinned);

/// <summary>A human decision used as a training label: the corpus dispute id and whether the reviewer judged it high-risk.</summary>
internal sealed record TrainingDecision(string DisputeId, bool HighRisk);
