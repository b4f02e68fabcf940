using Designer.Retrieval.Indexes;
using Designer.Retrieval.Lexical;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace Designer.Retrieval.Qdrant;

/// <summary>
/// One collection in Qdrant, through the official <see cref="QdrantClient"/> (gRPC): points are upserted with the
/// original id and text in the payload, dense search is the Query API (<c>Points/Query</c>, nearest) with the translated
/// filter. Lexical search uses a Lucene BM25 index on local disk keyed by the same ids (per node, rebuilt by
/// re-ingesting); hybrid fusion therefore stays in <see cref="VectorIndexBase"/>, on the client, like every backend.
/// </summary>
/// <remarks>
/// Never run against a live Qdrant server: none is available here. Its tests drive it through an in-process gRPC server
/// bound with Qdrant.Client's own message descriptors, which checks every request and answers from an exact in-memory
/// model, and run the backend conformance suite against that server.
/// </remarks>
public sealed class QdrantVectorIndex : VectorIndexBase, IDisposable
{
    private static readonly WithPayloadSelector AllPayload = new() { Enable = true };
    private readonly QdrantClient _client;
    private readonly LuceneLexicalIndex _lexical;

    internal QdrantVectorIndex(QdrantClient client, string lexicalFolder, string collection, int dimension)
        : base(collection, dimension)
    {
        _client = client;
        _lexical = new LuceneLexicalIndex(lexicalFolder);
    }

    /// <inheritdoc />
    public override async Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        (long)await _client.CountAsync(Collection, exact: true, cancellationToken: cancellationToken);

    /// <summary>Releases the local lexical index.</summary>
    public void Dispose() => _lexical.Dispose();

    /// <inheritdoc />
    protected override async Task UpsertCoreAsync(IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken)
    {
        var points = new List<PointStruct>(records.Count);
        foreach (var record in records)
        {
            var point = new PointStruct
            {
                Id = new PointId { Uuid = QdrantPointIds.ToUuid(record.Id) },
                Vectors = new Vectors { Vector = new Vector { Dense = Dense(record.Vector) } },
            };
            QdrantPayload.Write(record.Payload!, point.Payload);
            point.Payload[QdrantPayload.IdKey] = record.Id;
            point.Payload[QdrantPayload.TextKey] = record.Text is null ? new Value { NullValue = NullValue.NullValue } : record.Text;
            points.Add(point);
        }

        await _client.UpsertAsync(Collection, points, wait: true, cancellationToken: cancellationToken);
        _lexical.Upsert(records);
        _lexical.Commit(0);
    }

    /// <inheritdoc />
    protected override async Task DeleteCoreAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        await _client.DeleteAsync(Collection, [.. ids.Select(QdrantPointIds.ToGuid)], wait: true, cancellationToken: cancellationToken);
        _lexical.Delete(ids);
        _lexical.Commit(0);
    }

    /// <inheritdoc />
    protected override async Task DeleteByFilterCoreAsync(PayloadFilter filter, CancellationToken cancellationToken)
    {
        await _client.DeleteAsync(Collection, QdrantFilters.Build(filter)!, wait: true, cancellationToken: cancellationToken);
        _lexical.DeleteWhere(filter);
        _lexical.Commit(0);
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<SearchHit>> DenseSearchAsync(float[] query, int limit, SearchRequest request, CancellationToken cancellationToken)
    {
        var points = await _client.QueryAsync(
            Collection,
            query: new Query { Nearest = new VectorInput { Dense = Dense(query) } },
            filter: QdrantFilters.Build(request.Filter),
            searchParams: request.EfSearch is { } ef ? new SearchParams { HnswEf = (ulong)ef } : null,
            limit: (ulong)limit,
            payloadSelector: AllPayload,
            cancellationToken: cancellationToken);
        return [.. points.Select(ToHit)];
    }

    /// <inheritdoc />
    protected override Task<IReadOnlyList<SearchHit>> LexicalSearchAsync(string queryText, int limit, PayloadFilter? filter, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_lexical.Search(queryText, limit, filter));
    }

    private static DenseVector Dense(float[] values)
    {
        var dense = new DenseVector();
        dense.Data.AddRange(values);
        return dense;
    }

    private static SearchHit ToHit(ScoredPoint point)
    {
        var payload = QdrantPayload.Read(point.Payload);
        var id = payload[QdrantPayload.IdKey]?.GetValue<string>() ?? point.Id.Uuid;
        var text = payload[QdrantPayload.TextKey]?.GetValue<string>();
        payload.Remove(QdrantPayload.IdKey);
        payload.Remove(QdrantPayload.TextKey);
        return new SearchHit(id, point.Score, text, payload);
    }
}
