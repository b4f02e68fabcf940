using System.Text.Json.Nodes;
using Designer.Retrieval.Indexes;
using Designer.Retrieval.Qdrant;
using Designer.Retrieval.Tests.Support;

namespace Designer.Retrieval.Tests.Qdrant;

/// <summary>Contract tests: every request and canned response is checked against Qdrant's OpenAPI 1.19 schema.</summary>
public sealed class QdrantAdapterTests : IAsyncDisposable
{
    private const string NotFound = """{"time":0.0,"status":{"error":"Not found: Collection `docs` doesn't exist!"},"result":null}""";
    private readonly string _folder = TestEnvironment.NewTempFolder();
    private FakeQdrantHandler? _handler;
    private QdrantVectorIndexProvider? _provider;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FakeQdrantHandler Handler => _handler ??= new FakeQdrantHandler(QdrantSchema.Require());

    private QdrantVectorIndexProvider Provider =>
        _provider ??= new QdrantVectorIndexProvider(new HttpClient(Handler) { BaseAddress = new Uri("http://qdrant.test:6333/") }, _folder);

    private async Task<IVectorIndex> CreateIndexAsync()
    {
        Handler.Respond(404, NotFound);
        Handler.RespondOk("true");
        var index = await Provider.CreateAsync("docs", 4, cancellationToken: Ct);
        Handler.Requests.Clear();
        return index;
    }

    [Fact]
    public async Task CreateAsync_NewCollection_PutsCosineVectorsConfig()
    {
        Handler.Respond(404, NotFound);
        Handler.RespondOk("true");

        var index = await Provider.CreateAsync("docs", 4, cancellationToken: Ct);

        Assert.Equal(4, index.Dimension);
        var (method, path, body) = Handler.Requests[1];
        Assert.Equal(HttpMethod.Put, method);
        Assert.Equal("/collections/docs", path);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"vectors":{"size":4,"distance":"Cosine"}}"""), body));
    }

    [Fact]
    public async Task OpenAsync_ExistingCollection_ReadsDimensionFromCollectionInfo()
    {
        Handler.RespondOk(QdrantCanned.CollectionInfo(size: 384));

        var index = await Provider.OpenAsync("docs", Ct);

        Assert.Equal(384, index!.Dimension);
        Assert.Equal("/collections/docs", Handler.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task OpenAsync_MissingCollection_ReturnsNull()
    {
        Handler.Respond(404, NotFound);

        Assert.Null(await Provider.OpenAsync("docs", Ct));
    }

    [Fact]
    public async Task UpsertAsync_Records_SendsUuidIdsNormalisedVectorsAndOriginalIdInPayload()
    {
        var index = await CreateIndexAsync();
        Handler.RespondOk("""{"operation_id":1,"status":"completed"}""");

        await index.UpsertAsync([new VectorRecord("case-1", [3f, 0, 4f, 0], "late refund", new JsonObject { ["region"] = "eu" })], Ct);

        var (method, path, body) = Assert.Single(Handler.Requests);
        Assert.Equal(HttpMethod.Put, method);
        Assert.Equal("/collections/docs/points?wait=true", path);
        var point = body!["points"]![0]!;
        Assert.Equal(QdrantPointIds.ToUuid("case-1"), (string?)point["id"]);
        Assert.Equal([0.6f, 0f, 0.8f, 0f], point["vector"]!.AsArray().Select(x => (float)x!));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"region":"eu","designer_id":"case-1","designer_text":"late refund"}"""), point["payload"]));
    }

    [Fact]
    public async Task SearchAsync_FilterOfEveryKind_TranslatesToQdrantFilter()
    {
        var index = await CreateIndexAsync();
        Handler.RespondOk("""{"points":[]}""");
        var filter = PayloadFilter.And(
            PayloadFilter.Equal("region", "eu"),
            PayloadFilter.In("category", "refund", "dispute"),
            PayloadFilter.In("year", 2025L, 2026L),
            PayloadFilter.Range("amount", gte: 10, lt: 500),
            PayloadFilter.Equal("vip", true));

        await index.SearchAsync(new SearchRequest { Vector = [1, 0, 0, 0], TopK = 3, Filter = filter, EfSearch = 128 }, Ct);

        var (_, path, body) = Assert.Single(Handler.Requests);
        Assert.Equal("/collections/docs/points/query", path);
        var expected = JsonNode.Parse("""
            {"query":[1,0,0,0],"limit":3,"with_payload":true,
             "filter":{"must":[
               {"key":"region","match":{"value":"eu"}},
               {"key":"category","match":{"any":["refund","dispute"]}},
               {"key":"year","match":{"any":[2025,2026]}},
               {"key":"amount","range":{"gte":10,"lt":500}},
               {"key":"vip","match":{"value":true}}]},
             "params":{"hnsw_ef":128}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, body), body!.ToJsonString());
    }

    [Fact]
    public async Task SearchAsync_QueryResponse_ParsesHitsAndStripsReservedPayloadKeys()
    {
        var index = await CreateIndexAsync();
        Handler.RespondOk($$$"""
            {"points":[
              {"id":"{{{QdrantPointIds.ToUuid("case-1")}}}","version":3,"score":0.91,"payload":{"designer_id":"case-1","designer_text":"late refund","region":"eu"}},
              {"id":"{{{QdrantPointIds.ToUuid("case-2")}}}","version":4,"score":0.52,"payload":{"designer_id":"case-2","designer_text":null}}]}
            """);

        var hits = await index.SearchAsync(new SearchRequest { Vector = [1, 0, 0, 0], TopK = 2, MinScore = 0.5 }, Ct);

        Assert.Equal(["case-1", "case-2"], hits.Select(h => h.Id));
        Assert.Equal(0.91, hits[0].Score, 1e-6);
        Assert.Equal("late refund", hits[0].Text);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"region":"eu"}"""), hits[0].Payload));
        Assert.Null(hits[1].Text);
    }

    [Fact]
    public async Task DeleteAsync_Ids_PostsPointIdsList()
    {
        var index = await CreateIndexAsync();
        Handler.RespondOk("""{"operation_id":2,"status":"completed"}""");

        await index.DeleteAsync(["case-1", "case-2"], Ct);

        var (method, path, body) = Assert.Single(Handler.Requests);
        Assert.Equal(HttpMethod.Post, method);
        Assert.Equal("/collections/docs/points/delete?wait=true", path);
        Assert.Equal([QdrantPointIds.ToUuid("case-1"), QdrantPointIds.ToUuid("case-2")], body!["points"]!.AsArray().Select(x => (string)x!));
    }

    [Fact]
    public async Task DeleteByFilterAsync_Filter_PostsFilterSelector()
    {
        var index = await CreateIndexAsync();
        Handler.RespondOk("""{"operation_id":3,"status":"completed"}""");

        await index.DeleteByFilterAsync(PayloadFilter.Equal("document", "doc-7"), Ct);

        var (_, path, body) = Assert.Single(Handler.Requests);
        Assert.Equal("/collections/docs/points/delete?wait=true", path);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"filter":{"must":[{"key":"document","match":{"value":"doc-7"}}]}}"""), body));
    }

    [Fact]
    public async Task CountAsync_CountResult_ReturnsCount()
    {
        var index = await CreateIndexAsync();
        Handler.RespondOk("""{"count":42}""");

        Assert.Equal(42, await index.CountAsync(Ct));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"exact":true}"""), Handler.Requests[0].Body));
    }

    [Fact]
    public async Task DropAsync_ExistingCollection_DeletesIt()
    {
        Handler.RespondOk("true");

        Assert.True(await Provider.DropAsync("docs", Ct));
        Assert.Equal(HttpMethod.Delete, Handler.Requests[0].Method);
    }

    [Fact]
    public async Task SearchAsync_ServerError_ThrowsWithQdrantMessage()
    {
        var index = await CreateIndexAsync();
        Handler.Respond(400, """{"time":0.0,"status":{"error":"Wrong input: Vector dimension error"},"result":null}""");

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => index.SearchAsync(new SearchRequest { Vector = [1, 0, 0, 0] }, Ct));

        Assert.Contains("Vector dimension error", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_Lexical_UsesLocalLuceneIndexKeyedBySameIds()
    {
        var index = await CreateIndexAsync();
        Handler.RespondOk("""{"operation_id":1,"status":"completed"}""");
        await index.UpsertAsync([new VectorRecord("a", [1, 0, 0, 0], "chargeback opened by the bank"), new VectorRecord("b", [0, 1, 0, 0], "password reset")], Ct);

        var hits = await index.SearchAsync(new SearchRequest { Mode = SearchMode.Lexical, QueryText = "chargebacks" }, Ct);

        Assert.Equal("a", Assert.Single(hits).Id);
    }

    [Fact]
    public async Task FakeServer_CannedResponseViolatingSchema_IsRejectedBeforeTheAdapterParsesIt()
    {
        var index = await CreateIndexAsync();
        Handler.RespondOk("""{"points":[{"id":"not-checked","score":0.5}]}"""); // ScoredPoint requires "version"

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => index.SearchAsync(new SearchRequest { Vector = [1, 0, 0, 0] }, Ct));

        Assert.Contains("missing required property 'version'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PointIds_SameId_MapsToSameVersion5Uuid()
    {
        var first = QdrantPointIds.ToUuid("case-1");

        Assert.Equal(first, QdrantPointIds.ToUuid("case-1"));
        Assert.NotEqual(first, QdrantPointIds.ToUuid("case-2"));
        Assert.Equal('5', first[14]);
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        _handler?.Dispose();
        TestEnvironment.DeleteFolder(_folder);
    }
}
