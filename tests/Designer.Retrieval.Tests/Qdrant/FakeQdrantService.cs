using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace Designer.Retrieval.Tests.Qdrant;

/// <summary>
/// The RPCs of Qdrant's <c>qdrant.Collections</c> and <c>qdrant.Points</c> services that the adapter calls. Each checks
/// the API key and the request the way Qdrant would (or stricter, where the adapter has no reason to differ), records a
/// copy, and answers from <see cref="FakeQdrantModel"/>.
/// </summary>
internal sealed class FakeQdrantService(FakeQdrantModel model, FakeQdrantOptions options)
{
    public ConcurrentQueue<IMessage> Requests { get; } = new();

    public Task<CollectionExistsResponse> CollectionExistsAsync(CollectionExistsRequest request, ServerCallContext context)
    {
        Accept(request, context);
        RequireName(request.CollectionName);
        return Done(new CollectionExistsResponse { Result = new CollectionExists { Exists = model.Exists(request.CollectionName) } });
    }

    public Task<GetCollectionInfoResponse> GetAsync(GetCollectionInfoRequest request, ServerCallContext context)
    {
        Accept(request, context);
        var collection = model.Get(request.CollectionName);
        var info = new CollectionInfo
        {
            Status = CollectionStatus.Green,
            PointsCount = (ulong)collection.Count(null),
            Config = new CollectionConfig
            {
                Params = new CollectionParams
                {
                    VectorsConfig = new VectorsConfig { Params = new VectorParams { Size = collection.Size, Distance = Distance.Cosine } },
                },
            },
        };
        return Done(new GetCollectionInfoResponse { Result = info });
    }

    public Task<CollectionOperationResponse> CreateAsync(CreateCollection request, ServerCallContext context)
    {
        Accept(request, context);
        RequireName(request.CollectionName);
        if (request.VectorsConfig?.ConfigCase != VectorsConfig.ConfigOneofCase.Params)
        {
            throw Invalid("vectors_config must be one unnamed vector (params)");
        }

        var vectors = request.VectorsConfig.Params;
        if (vectors.Size == 0 || vectors.Distance != Distance.Cosine)
        {
            throw Invalid($"expected a positive size and Cosine distance, got size {vectors.Size} and {vectors.Distance}");
        }

        model.Create(request.CollectionName, vectors.Size);
        return Done(new CollectionOperationResponse { Result = true });
    }

    public Task<CollectionOperationResponse> DeleteCollectionAsync(DeleteCollection request, ServerCallContext context)
    {
        Accept(request, context);
        RequireName(request.CollectionName);
        return Done(new CollectionOperationResponse { Result = model.Delete(request.CollectionName) });
    }

    public Task<PointsOperationResponse> UpsertAsync(UpsertPoints request, ServerCallContext context)
    {
        Accept(request, context);
        var collection = model.Get(request.CollectionName);
        RequireWait(request.HasWait && request.Wait);
        var version = model.NextOperationId();
        var points = new List<(Guid, FakePoint)>(request.Points.Count);
        foreach (var point in request.Points)
        {
            var id = Uuid(point.Id);
            if (point.Vectors?.VectorsOptionsCase != Vectors.VectorsOptionsOneofCase.Vector
                || point.Vectors.Vector.VectorCase != Vector.VectorOneofCase.Dense)
            {
                throw Invalid($"point {id}: expected one unnamed dense vector");
            }

            var data = point.Vectors.Vector.Dense.Data;
            RequireDimension(collection, data.Count);
            if (point.Payload.Values.Any(v => v.KindCase == Value.KindOneofCase.None))
            {
                throw Invalid($"point {id}: payload value without a kind");
            }

            points.Add((id, new FakePoint(FakeCollection.Normalise(data), point.Payload.Clone(), version)));
        }

        collection.Upsert(points);
        return Done(Completed(version));
    }

    public Task<PointsOperationResponse> DeletePointsAsync(DeletePoints request, ServerCallContext context)
    {
        Accept(request, context);
        var collection = model.Get(request.CollectionName);
        RequireWait(request.HasWait && request.Wait);
        switch (request.Points?.PointsSelectorOneOfCase)
        {
            case PointsSelector.PointsSelectorOneOfOneofCase.Points:
                collection.Delete([.. request.Points.Points.Ids.Select(Uuid)]);
                break;
            case PointsSelector.PointsSelectorOneOfOneofCase.Filter:
                FakeQdrantModel.Validate(request.Points.Filter);
                collection.Delete(request.Points.Filter);
                break;
            default:
                throw Invalid("points selector must list ids or give a filter");
        }

        return Done(Completed(model.NextOperationId()));
    }

    public Task<CountResponse> CountAsync(CountPoints request, ServerCallContext context)
    {
        Accept(request, context);
        var collection = model.Get(request.CollectionName);
        if (!(request.HasExact && request.Exact))
        {
            throw Invalid("the adapter must ask for an exact count");
        }

        FakeQdrantModel.Validate(request.Filter);
        return Done(new CountResponse { Result = new CountResult { Count = (ulong)collection.Count(request.Filter) } });
    }

    public Task<QueryResponse> QueryAsync(QueryPoints request, ServerCallContext context)
    {
        Accept(request, context);
        var collection = model.Get(request.CollectionName);
        if (request.Prefetch.Count > 0 || request.HasUsing || request.HasScoreThreshold || request.Offset > 0)
        {
            throw Invalid("prefetch, using, score_threshold and a non-zero offset are not implemented");
        }

        if (request.Query?.VariantCase != Query.VariantOneofCase.Nearest || request.Query.Nearest.VariantCase != VectorInput.VariantOneofCase.Dense)
        {
            throw Invalid("only a nearest query with a dense vector is implemented");
        }

        if (!request.HasLimit || request.Limit == 0)
        {
            throw Invalid("limit must be set and positive");
        }

        if (request.WithPayload?.SelectorOptionsCase != WithPayloadSelector.SelectorOptionsOneofCase.Enable || !request.WithPayload.Enable)
        {
            throw Invalid("the adapter needs the payload (with_payload: true) to recover ids and text");
        }

        if (request.Params is { } searchParams && searchParams.HasHnswEf && searchParams.HnswEf == 0)
        {
            throw Invalid("hnsw_ef must be positive");
        }

        FakeQdrantModel.Validate(request.Filter);
        var data = request.Query.Nearest.Dense.Data;
        RequireDimension(collection, data.Count);
        var response = new QueryResponse();
        foreach (var (id, point, score) in collection.Nearest(FakeCollection.Normalise(data), request.Filter, checked((int)request.Limit)))
        {
            response.Result.Add(new ScoredPoint
            {
                Id = new PointId { Uuid = id.ToString("D") },
                Score = score,
                Version = point.Version,
                Payload = { point.Payload },
            });
        }

        return Done(response);
    }

    private static Task<T> Done<T>(T response) => Task.FromResult(response);

    private static PointsOperationResponse Completed(ulong operationId) =>
        new() { Result = new UpdateResult { OperationId = operationId, Status = UpdateStatus.Completed } };

    private static Guid Uuid(PointId id) =>
        id?.PointIdOptionsCase == PointId.PointIdOptionsOneofCase.Uuid && Guid.TryParseExact(id.Uuid, "D", out var guid)
            ? guid
            : throw Invalid($"point id must be a hyphenated UUID, got {id}");

    private static void RequireName(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw Invalid("collection_name is required");
        }
    }

    private static void RequireWait(bool wait)
    {
        if (!wait)
        {
            throw Invalid("writes must wait for completion (wait: true) so a following read sees them");
        }
    }

    private static void RequireDimension(FakeCollection collection, int actual)
    {
        if ((ulong)actual != collection.Size)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"Wrong input: Vector dimension error: expected dim: {collection.Size}, got {actual}"));
        }
    }

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, "Fake Qdrant: " + message));

    private void Accept(IMessage request, ServerCallContext context)
    {
        if (options.ApiKey is { } expected && context.RequestHeaders.GetValue("api-key") != expected)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Invalid api-key"));
        }

        Requests.Enqueue(request.Descriptor.Parser.ParseFrom(request.ToByteString()));
    }
}
