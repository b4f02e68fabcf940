using System.Text.Json.Nodes;

namespace Designer.Retrieval.Indexes;

/// <summary>One search result.</summary>
/// <param name="Id">The record id.</param>
/// <param name="Score">
/// Higher is better. Dense: cosine similarity in [-1, 1]. Lexical: the backend's text score (BM25 for Lucene,
/// <c>ts_rank_cd</c> for PostgreSQL). Hybrid: the reciprocal-rank-fusion score, at most 2/(60+1).
/// </param>
/// <param name="Text">The stored text, if any.</param>
/// <param name="Payload">A copy of the stored payload, safe to modify.</param>
public sealed record SearchHit(string Id, double Score, string? Text, JsonObject Payload);
