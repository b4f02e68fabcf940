using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Retrieval.Indexes;
using Designer.Retrieval.Lexical;

namespace Designer.Retrieval.Qdrant;

/// <summary>
/// One collection in Qdrant, over its REST API: points are upserted with the original id and text in the payload,
/// dense search uses <c>POST /collections/{name}/points/query</c> with the translated filter. Lexical search uses a
/// Lucene BM25 index on local disk keyed by the same ids (per node, rebuilt by re-ingesting).
/// </summary>
/// <remarks>
/// Untested against a live Qdrant server: none is available here. Its tests check every request body and every
/// canned response against Qdrant's published OpenAPI schema (1.19); it is not part of the live conformance run.
/// </remarks>
public sealed class QdrantVectorIndex : VectorIndexBase, IDisposable
{
    private readonly QdrantRestClient _client;
    private readonly LuceneLexicalIndex _lexical;
    private readonly string _points;

    internal QdrantVectorIndex(QdrantRestClient client, string lexicalFolder, string collection, int dimension)
        : base(collection, dimension)
    {
        _client = client;
        _lexical = new LuceneLexicalIndex(lexicalFolder);
        _points = $"collections/{collection}/points";
    }

    /// <inheritdoc />
    public override async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        var result = await _client.SendAsync(HttpMethod.Post, _points + "/count", new JsonObject { ["exact"] = true }, cancellationToken);
        return result!["count"]!.GetValue<long>();
    }

    /// <summary>Releases the local lexical index.</summary>
    public void Dispose() => _lexical.Dispose();

    /// <inheritdoc />
    protected override async Task UpsertCoreAsync(IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken)
    {
        var points = new JsonArray();
        foreach (var record in records)
        {
            var payload = record.Payload!.DeepClone().AsObject();
            payload[QdrantPayload.IdKey] = record.Id;
            payload[QdrantPayload.TextKey] = record.Text;
            points.Add(new JsonObject
            {
                ["id"] = QdrantPointIds.ToUuid(record.Id),
                ["vector"] = new JsonArray([.. record.Vector.Select(x => (JsonNode)x)]),
                ["payload"] = payload,
            });
        }

        await _client.SendAsync(HttpMethod.Put, _points + "?wait=true", new JsonObject { ["points"] = points }, cancellationToken);
        _lexical.Upsert(records);
        _lexical.Commit(0);
    }

    /// <inheritdoc />
    protected override async Task DeleteCoreAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["points"] = new JsonArray([.. ids.Select(id => (JsonNode)QdrantPointIds.ToUuid(id))]) };
        await _client.SendAsync(HttpMethod.Post, _points + "/delete?wait=true", body, cancellationToken);
        _lexical.Delete(ids);
        _lexical.Commit(0);
    }

    /// <inheritdoc />
    protected override async Task DeleteByFilterCoreAsync(PayloadFilter filter, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["filter"] = QdrantFilterJson.Build(filter) };
        await _client.SendAsync(HttpMethod.Post, _points + "/delete?wait=true", body, cancellationToken);
        _lexical.DeleteWhere(filter);
        _lexical.Commit(0);
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<SearchHit>> DenseSearchAsync(float[] query, int limit, SearchRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["query"] = new JsonArray([.. query.Select(x => (JsonNode)x)]),
            ["limit"] = limit,
            ["with_payload"] = true,
        };
        if (QdrantFilterJson.Build(request.Filter) is { } filter)
        {
            body["filter"] = filter;
        }

        if (request.EfSearch is { } ef)
        {
            body["params"] = new JsonObject { ["hnsw_ef"] = ef };
        }

        var result = await _client.SendAsync(HttpMethod.Post, _points + "/query", body, cancellationToken);
        return [.. result!["points"]!.AsArray().Select(ToHit)];
    }

    /// <inheritdoc />
    protected override Task<IReadOnlyList<SearchHit>> LexicalSearchAsync(string queryText, int limit, PayloadFilter? filter, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_lexical.Search(queryText, limit, filter));
    }

    private static SearchHit ToHit(JsonNode? point)
    {
        var payload = point!["payload"] is JsonObject p ? p.DeepClone().AsObject() : [];
        var id = payload[QdrantPayload.IdKey]?.GetValue<string>() ?? point["id"]!.ToJsonString().Trim('"');
        var text = payload[QdrantPayload.TextKey]?.GetValue<string>();
        payload.Remove(QdrantPayload.IdKey);
        payload.Remove(QdrantPayload.TextKey);
        var score = Convert.ToDouble(point["score"]!.ToJsonString(), CultureInfo.InvariantCulture);
        return new SearchHit(id, score, text, payload);
    }
}
