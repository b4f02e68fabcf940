using Grpc.Core;
using Qdrant.Client.Grpc;

namespace Designer.Retrieval.Tests.Qdrant;

/// <summary>The fake Qdrant refuses what it does not model, so the adapter's wire tests cannot pass by the fake being lenient.</summary>
public sealed class FakeQdrantServerTests : IAsyncLifetime
{
    private FakeQdrantServer? _server;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeQdrantServer.StartAsync();
        using var connection = _server.CreateConnection();
        await connection.Client.CreateCollectionAsync("docs", new VectorParams { Size = 2, Distance = Distance.Cosine }, cancellationToken: Ct);
    }

    [Fact]
    public async Task Upsert_WithoutWait_IsRefused()
    {
        using var connection = _server!.CreateConnection();

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            connection.Client.UpsertAsync("docs", [new PointStruct { Id = Guid.NewGuid(), Vectors = new[] { 1f, 0f } }], wait: false, cancellationToken: Ct));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
    }

    [Fact]
    public async Task Upsert_WrongDimension_IsRefusedWithQdrantsMessage()
    {
        using var connection = _server!.CreateConnection();
        var point = new PointStruct { Id = Guid.NewGuid(), Vectors = new Vectors { Vector = new Vector { Dense = new DenseVector { Data = { 1f, 0f, 0f } } } } };

        var ex = await Assert.ThrowsAsync<RpcException>(() => connection.Client.UpsertAsync("docs", [point], cancellationToken: Ct));

        Assert.Contains("Vector dimension error: expected dim: 2, got 3", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Count_ShouldConditionOnEmptyCollection_IsRefusedAsNotImplemented()
    {
        using var connection = _server!.CreateConnection();
        var filter = new Filter { Should = { new Condition { Field = new FieldCondition { Key = "k", Match = new Match { Keyword = "v" } } } } };

        var ex = await Assert.ThrowsAsync<RpcException>(() => connection.Client.CountAsync("docs", filter, exact: true, cancellationToken: Ct));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
    }

    [Fact]
    public async Task Query_Prefetch_IsRefusedAsNotImplemented()
    {
        using var connection = _server!.CreateConnection();

        var ex = await Assert.ThrowsAsync<RpcException>(() => connection.Client.QueryAsync(
            "docs",
            query: new Query { Fusion = Fusion.Rrf },
            prefetch: [new PrefetchQuery { Query = new Query { Nearest = new VectorInput { Dense = new DenseVector { Data = { 1f, 0f } } } } }],
            cancellationToken: Ct));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
