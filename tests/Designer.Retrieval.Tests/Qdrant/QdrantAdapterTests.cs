using System.Text.Json.Nodes;
using Designer.Retrieval.Indexes;
using Designer.Retrieval.Qdrant;
using Designer.Retrieval.Tests.Support;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace Designer.Retrieval.Tests.Qdrant;

/// <summary>
/// Wire tests: the adapter drives the official Qdrant.Client over gRPC into the in-process fake Qdrant, and each test
/// checks the protobuf requests the fake received and what the adapter made of the answers. No live Qdrant is involved.
/// </summary>
public sealed class QdrantAdapterTests : IAsyncLifetime
{
    private const string ApiKey = "test-key";
    private readonly string _folder = TestEnvironment.NewTempFolder();
    private FakeQdrantServer? _server;
    private QdrantVectorIndexProvider? _provider;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FakeQdrantServer Server => _server ?? throw new InvalidOperationException("Not initialised.");

    private QdrantVectorIndexProvider Provider => _provider ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        _server = await FakeQdrantServer.StartAsync(ApiKey);
        _provider = _server.CreateProvider(_folder, ApiKey);
    }

    private T[] Sent<T>()
        where T : class => [.. Server.Service.Requests.OfType<T>()];

    private async Task<IVectorIndex> CreateIndexAsync(int dimension = 4)
    {
        var index = await Provider.CreateAsync("docs", dimension, cancellationToken: Ct);
        Server.Service.Requests.Clear();
        return index;
    }

    [Fact]
    public async Task CreateAsync_NewCollection_AsksThenCreatesOneCosineVectorOfTheDimension()
    {
        var index = await Provider.CreateAsync("docs", 4, cancellationToken: Ct);

        Assert.Equal(4, index.Dimension);
        Assert.Equal("docs", Assert.Single(Sent<CollectionExistsRequest>()).CollectionName);
        var create = Assert.Single(Sent<CreateCollection>());
        Assert.Equal("docs", create.CollectionName);
        Assert.Equal(VectorsConfig.ConfigOneofCase.Params, create.VectorsConfig.ConfigCase);
        Assert.Equal((4UL, Distance.Cosine), (create.VectorsConfig.Params.Size, create.VectorsConfig.Params.Distance));
    }

    [Fact]
    public async Task OpenAsync_CollectionCreatedByAnotherNode_ReadsDimensionFromCollectionInfo()
    {
        await CreateIndexAsync(dimension: 384);
        await using var otherNode = Server.CreateProvider(Path.Combine(_folder, "node2"), ApiKey);

        var index = await otherNode.OpenAsync("docs", Ct);

        Assert.Equal(384, index!.Dimension);
        Assert.Equal("docs", Assert.Single(Sent<GetCollectionInfoRequest>()).CollectionName);
    }

    [Fact]
    public async Task OpenAsync_MissingCollection_ReturnsNullWithoutAskingForInfo()
    {
        Assert.Null(await Provider.OpenAsync("docs", Ct));
        Assert.Empty(Sent<GetCollectionInfoRequest>());
    }

    [Fact]
    public async Task UpsertAsync_Records_SendsUuidIdsNormalisedDenseVectorsAndTypedPayload()
    {
        var index = await CreateIndexAsync();
        var payload = new JsonObject { ["region"] = "eu", ["amount"] = 120, ["ratio"] = 0.5, ["vip"] = true, ["tags"] = new JsonArray("a", "b"), ["meta"] = new JsonObject { ["x"] = 1 } };

        await index.UpsertAsync([new VectorRecord("case-1", [3f, 0, 4f, 0], "late refund", payload)], Ct);

        var upsert = Assert.Single(Sent<UpsertPoints>());
        Assert.True(upsert.Wait);
        var point = Assert.Single(upsert.Points);
        Assert.Equal(QdrantPointIds.ToUuid("case-1"), point.Id.Uuid);
        Assert.Equal([0.6f, 0f, 0.8f, 0f], point.Vectors.Vector.Dense.Data);
        Assert.Equal("eu", point.Payload["region"].StringValue);
        Assert.Equal(120, point.Payload["amount"].IntegerValue);
        Assert.Equal(0.5, point.Payload["ratio"].DoubleValue);
        Assert.True(point.Payload["vip"].BoolValue);
        Assert.Equal(["a", "b"], point.Payload["tags"].ListValue.Values.Select(v => v.StringValue));
        Assert.Equal(1, point.Payload["meta"].StructValue.Fields["x"].IntegerValue);
        Assert.Equal("case-1", point.Payload[QdrantPayload.IdKey].StringValue);
        Assert.Equal("late refund", point.Payload[QdrantPayload.TextKey].StringValue);
    }

    [Fact]
    public async Task SearchAsync_FilterOfEveryKind_TranslatesToQdrantConditions()
    {
        var index = await CreateIndexAsync();
        var filter = PayloadFilter.And(
            PayloadFilter.Equal("region", "eu"),
            PayloadFilter.In("category", "refund", "dispute"),
            PayloadFilter.In("year", 2025L, 2026L),
            PayloadFilter.Range("amount", gte: 10, lt: 500),
            PayloadFilter.Equal("vip", true),
            PayloadFilter.Equal("priority", 2L),
            PayloadFilter.And(PayloadFilter.Equal("channel", "mail")));

        await index.SearchAsync(new SearchRequest { Vector = [2, 0, 0, 0], TopK = 3, Filter = filter, EfSearch = 128 }, Ct);

        var query = Assert.Single(Sent<QueryPoints>());
        Assert.Equal([1f, 0f, 0f, 0f], query.Query.Nearest.Dense.Data);
        Assert.Equal((3UL, 128UL, true), (query.Limit, query.Params.HnswEf, query.WithPayload.Enable));
        var must = query.Filter.Must;
        Assert.Equal(7, must.Count);
        Assert.Equal(("region", "eu"), (must[0].Field.Key, must[0].Field.Match.Keyword));
        Assert.Equal(["refund", "dispute"], must[1].Field.Match.Keywords.Strings);
        Assert.Equal([2025L, 2026L], must[2].Field.Match.Integers.Integers);
        var range = must[3].Field.Range;
        Assert.Equal((true, 10.0, true, 500.0, false, false), (range.HasGte, range.Gte, range.HasLt, range.Lt, range.HasGt, range.HasLte));
        Assert.True(must[4].Field.Match.Boolean);
        Assert.Equal(2L, must[5].Field.Match.Integer);
        Assert.Equal("mail", must[6].Filter.Must.Single().Field.Match.Keyword);
        Assert.Empty(query.Filter.Should);
        Assert.Empty(query.Filter.MustNot);
    }

    [Fact]
    public async Task SearchAsync_Dense_ReturnsOriginalIdTextAndPayloadWithoutReservedKeys()
    {
        var index = await CreateIndexAsync();
        await index.UpsertAsync(
        [
            new VectorRecord("case-1", [1, 0, 0, 0], "late refund", new JsonObject { ["amount"] = 120, ["meta"] = new JsonObject { ["x"] = 1.5 } }),
            new VectorRecord("case-2", [1, 1, 0, 0], null, new JsonObject { ["amount"] = 7 }),
        ], Ct);

        var hits = await index.SearchAsync(new SearchRequest { Vector = [1, 0, 0, 0], TopK = 2 }, Ct);

        Assert.Equal(["case-1", "case-2"], hits.Select(h => h.Id));
        Assert.Equal([1.0, Math.Sqrt(0.5)], hits.Select(h => Math.Round(h.Score, 5)), (a, b) => Math.Abs(a - b) < 1e-4);
        Assert.Equal("late refund", hits[0].Text);
        Assert.Null(hits[1].Text);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"amount":120,"meta":{"x":1.5}}"""), hits[0].Payload), hits[0].Payload.ToJsonString());
        Assert.Equal(120, (int)hits[0].Payload["amount"]!);
    }

    [Fact]
    public async Task DeleteAsync_Ids_SendsPointIdListAndWaits()
    {
        var index = await CreateIndexAsync();

        await index.DeleteAsync(["case-1", "case-2"], Ct);

        var delete = Assert.Single(Sent<DeletePoints>());
        Assert.True(delete.Wait);
        Assert.Equal([QdrantPointIds.ToUuid("case-1"), QdrantPointIds.ToUuid("case-2")], delete.Points.Points.Ids.Select(id => id.Uuid));
    }

    [Fact]
    public async Task DeleteByFilterAsync_Filter_SendsFilterSelectorAndRemovesOnlyMatches()
    {
        var index = await CreateIndexAsync();
        await index.UpsertAsync(
        [
            new VectorRecord("c1", [1, 0, 0, 0], "one", new JsonObject { ["document"] = "doc-7" }),
            new VectorRecord("c2", [0, 1, 0, 0], "two", new JsonObject { ["document"] = "doc-8" }),
        ], Ct);

        await index.DeleteByFilterAsync(PayloadFilter.Equal("document", "doc-7"), Ct);

        var delete = Assert.Single(Sent<DeletePoints>());
        Assert.Equal(("document", "doc-7"), (delete.Points.Filter.Must.Single().Field.Key, delete.Points.Filter.Must.Single().Field.Match.Keyword));
        Assert.Equal(1, await index.CountAsync(Ct));
    }

    [Fact]
    public async Task CountAsync_Points_AsksForExactCountOfTheCollection()
    {
        var index = await CreateIndexAsync();
        await index.UpsertAsync([new VectorRecord("a", [1, 0, 0, 0]), new VectorRecord("b", [0, 1, 0, 0])], Ct);

        var count = await index.CountAsync(Ct);

        Assert.Equal(2, count);
        var request = Assert.Single(Sent<CountPoints>());
        Assert.Equal(("docs", true, (Filter?)null), (request.CollectionName, request.Exact, request.Filter));
    }

    [Fact]
    public async Task DropAsync_ExistingCollection_DeletesItAndReturnsTrue()
    {
        await CreateIndexAsync();

        Assert.True(await Provider.DropAsync("docs", Ct));

        Assert.Equal("docs", Assert.Single(Sent<DeleteCollection>()).CollectionName);
        Assert.Null(await Provider.OpenAsync("docs", Ct));
    }

    [Fact]
    public async Task DropAsync_MissingCollection_ReturnsFalseWithoutDeleting()
    {
        Assert.False(await Provider.DropAsync("docs", Ct));
        Assert.Empty(Sent<DeleteCollection>());
    }

    [Fact]
    public async Task Provider_WrongApiKey_FailsUnauthenticated()
    {
        await using var intruder = Server.CreateProvider(Path.Combine(_folder, "intruder"), apiKey: "wrong");

        var ex = await Assert.ThrowsAsync<RpcException>(() => intruder.OpenAsync("docs", Ct));

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Empty(Server.Service.Requests);
    }

    [Fact]
    public async Task UpsertAsync_CollectionDroppedByAnotherNode_ThrowsNotFoundAndLeavesLexicalIndexUntouched()
    {
        var index = await CreateIndexAsync();
        await using (var otherNode = Server.CreateProvider(Path.Combine(_folder, "node2"), ApiKey))
        {
            await otherNode.DropAsync("docs", Ct);
        }

        var ex = await Assert.ThrowsAsync<RpcException>(() => index.UpsertAsync([new VectorRecord("a", [1, 0, 0, 0], "chargeback")], Ct));

        Assert.Equal(StatusCode.NotFound, ex.StatusCode);
        Assert.Empty(await index.SearchAsync(new SearchRequest { Mode = SearchMode.Lexical, QueryText = "chargeback" }, Ct));
    }

    [Fact]
    public async Task SearchAsync_FractionalEquality_ThrowsNotSupportedBeforeCallingQdrant()
    {
        var index = await CreateIndexAsync();

        await Assert.ThrowsAsync<NotSupportedException>(() =>
            index.SearchAsync(new SearchRequest { Vector = [1, 0, 0, 0], Filter = PayloadFilter.Equal("amount", JsonValue.Create(1.5)) }, Ct));

        Assert.Empty(Sent<QueryPoints>());
    }

    [Fact]
    public async Task SearchAsync_FilterOnReservedKey_ThrowsArgumentException()
    {
        var index = await CreateIndexAsync();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            index.SearchAsync(new SearchRequest { Vector = [1, 0, 0, 0], Filter = PayloadFilter.Equal(QdrantPayload.IdKey, "x") }, Ct));
    }

    [Fact]
    public async Task SearchAsync_Lexical_UsesLocalLuceneIndexKeyedBySameIds()
    {
        var index = await CreateIndexAsync();
        await index.UpsertAsync([new VectorRecord("a", [1, 0, 0, 0], "chargeback opened by the bank"), new VectorRecord("b", [0, 1, 0, 0], "password reset")], Ct);
        Server.Service.Requests.Clear();

        var hits = await index.SearchAsync(new SearchRequest { Mode = SearchMode.Lexical, QueryText = "chargebacks" }, Ct);

        Assert.Equal("a", Assert.Single(hits).Id);
        Assert.Empty(Server.Service.Requests);
    }

    [Fact]
    public void PointIds_SameId_MapsToSameVersion5Uuid()
    {
        var first = QdrantPointIds.ToUuid("case-1");

        Assert.Equal(first, QdrantPointIds.ToUuid("case-1"));
        Assert.NotEqual(first, QdrantPointIds.ToUuid("case-2"));
        Assert.Equal('5', first[14]);
        Assert.Equal(first, QdrantPointIds.ToGuid("case-1").ToString("D"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        TestEnvironment.DeleteFolder(_folder);
    }
}
