using System.Text.Json.Nodes;

namespace Designer.Retrieval.Collections;

/// <summary>One hit: a chunk of a document.</summary>
/// <param name="Chunk">The chunk's position in the document, from 0.</param>
/// <param name="Score">The score (its scale depends on the mode).</param>
/// <param name="Text">The chunk text.</param>
/// <param name="Metadata">The document's metadata.</param>
public sealed record CollectionHit(string DocumentId, int Chunk, double Score, string? Text, JsonObject Metadata);
