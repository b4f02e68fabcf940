using System.Text.Json.Nodes;

namespace Designer.Runtime.Retrieval;

/// <summary>One search hit: the evidence a retrieval node records.</summary>
/// <param name="Id">Document id.</param>
/// <param name="Score">Similarity score (higher is better).</param>
/// <param name="Text">Document text or snippet.</param>
/// <param name="Payload">Stored payload, if any.</param>
public sealed record VectorSearchHit(string Id, double Score, string? Text, JsonObject? Payload);
