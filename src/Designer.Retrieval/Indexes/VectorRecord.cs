using System.Text.Json.Nodes;

namespace Designer.Retrieval.Indexes;

/// <summary>One item stored in a vector index: a caller-chosen id, its embedding, optional text and a JSON payload.</summary>
/// <param name="Id">The caller's id; upserting the same id replaces the record.</param>
/// <param name="Vector">The embedding; its length must equal the index dimension. Cosine indexes store it normalised.</param>
/// <param name="Text">The text indexed for lexical (BM25) search, or <see langword="null"/>.</param>
/// <param name="Payload">Filterable metadata; <see langword="null"/> is stored as an empty object.</param>
public sealed record VectorRecord(string Id, float[] Vector, string? Text = null, JsonObject? Payload = null);
