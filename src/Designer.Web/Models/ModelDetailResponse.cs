namespace Designer.Web.Models;

/// <summary>A model and all its versions: <c>GET /api/models/{id}</c>.</summary>
internal sealed record ModelDetailResponse(string Id, string Kind, IReadOnlyList<string> Labels, IReadOnlyList<ModelVersionResponse> Versions);
