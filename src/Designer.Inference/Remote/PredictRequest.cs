namespace Designer.Inference.Remote;

/// <summary>The body of <c>POST /v1/models/{id}/predict</c>: feature rows, or texts for embedding models.</summary>
/// <param name="Version">Pinned version, or null for the latest approved.</param>
/// <param name="Rows">Feature rows.</param>
/// <param name="Texts">Texts (embedding models only).</param>
public sealed record PredictRequest(int? Version, IReadOnlyList<float[]>? Rows, IReadOnlyList<string>? Texts = null);
