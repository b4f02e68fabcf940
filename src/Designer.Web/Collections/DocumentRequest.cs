using System.Text.Json.Nodes;
using Designer.Retrieval.Collections;

namespace Designer.Web.Collections;

/// <summary>One document of <c>POST /api/collections/{name}/documents</c>.</summary>
/// <param name="Id">The caller's id, unique within the collection (adding it again replaces it).</param>
/// <param name="Text">The document text that is chunked and embedded; required and not blank.</param>
/// <param name="Metadata">Filterable metadata copied into every chunk's payload.</param>
internal sealed record DocumentRequest(string? Id, string? Text, JsonObject? Metadata = null)
{
    public DocumentInput ToInput() => new(Id ?? string.Empty, Text ?? string.Empty, Metadata?.DeepClone().AsObject());
}
