using System.Text.Json.Nodes;

namespace Designer.Retrieval.Collections;

/// <summary>One document to ingest.</summary>
/// <param name="Id">Caller's id, unique within the collection (adding it again replaces it).</param>
/// <param name="Text">The document text that is chunked and embedded.</param>
/// <param name="Metadata">Filterable metadata copied into every chunk's payload.</param>
public sealed record DocumentInput(string Id, string Text, JsonObject? Metadata);
