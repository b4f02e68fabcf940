using System.Text.Json.Nodes;
using Designer.Retrieval.Collections;
using Designer.Runtime.Retrieval;

namespace Designer.Web.Collections;

/// <summary>
/// The runtime's <see cref="IVectorSearch"/> over real collections. It lives in the web host, the one project that
/// references both the runtime and the retrieval module, so neither depends on the other.
/// </summary>
internal sealed class CollectionVectorSearch(CollectionService collections) : IVectorSearch
{
    public async Task<IReadOnlyList<VectorSearchHit>> SearchAsync(VectorSearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await collections.SearchAsync(
            request.Collection,
            new CollectionQuery(request.Query, request.TopK, request.Mode, request.MinScore, request.Filter, request.DenseWeight),
            cancellationToken);
        if (!result.IsSuccess)
        {
            var problems = string.Join("; ", result.Error!.Problems.Select(p => $"{p.Field}: {p.Message}"));
            throw new InvalidOperationException(problems.Length == 0 ? result.Error.Detail : $"{result.Error.Detail} {problems}");
        }

        // The hit id is the document; the chunk position and the document's metadata travel in the payload.
        return [.. result.Value!.Select(h =>
        {
            var payload = (JsonObject)h.Metadata.DeepClone();
            payload["chunk"] = h.Chunk;
            return new VectorSearchHit(h.DocumentId, h.Score, h.Text, payload);
        })];
    }
}
