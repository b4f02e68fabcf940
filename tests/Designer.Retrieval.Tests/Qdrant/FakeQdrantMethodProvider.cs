using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace Designer.Retrieval.Tests.Qdrant;

/// <summary>
/// Binds <see cref="FakeQdrantService"/> to Qdrant's gRPC methods without any .proto file: service and method names,
/// request and response types and their parsers all come from the descriptors compiled into Qdrant.Client, so the fake
/// speaks exactly the wire format the client does.
/// </summary>
internal sealed class FakeQdrantMethodProvider : IServiceMethodProvider<FakeQdrantService>
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<FakeQdrantService> context)
    {
        var collections = Service(CollectionsServiceReflection.Descriptor, "Collections");
        Add<CollectionExistsRequest, CollectionExistsResponse>(context, collections, "CollectionExists", (s, r, c) => s.CollectionExistsAsync(r, c));
        Add<GetCollectionInfoRequest, GetCollectionInfoResponse>(context, collections, "Get", (s, r, c) => s.GetAsync(r, c));
        Add<CreateCollection, CollectionOperationResponse>(context, collections, "Create", (s, r, c) => s.CreateAsync(r, c));
        Add<DeleteCollection, CollectionOperationResponse>(context, collections, "Delete", (s, r, c) => s.DeleteCollectionAsync(r, c));

        var points = Service(PointsServiceReflection.Descriptor, "Points");
        Add<UpsertPoints, PointsOperationResponse>(context, points, "Upsert", (s, r, c) => s.UpsertAsync(r, c));
        Add<DeletePoints, PointsOperationResponse>(context, points, "Delete", (s, r, c) => s.DeletePointsAsync(r, c));
        Add<CountPoints, CountResponse>(context, points, "Count", (s, r, c) => s.CountAsync(r, c));
        Add<QueryPoints, QueryResponse>(context, points, "Query", (s, r, c) => s.QueryAsync(r, c));
    }

    private static ServiceDescriptor Service(FileDescriptor file, string name) =>
        file.Services.SingleOrDefault(s => s.Name == name) ?? throw new InvalidOperationException($"Qdrant.Client has no service {name} in {file.Name}.");

    private static void Add<TRequest, TResponse>(
        ServiceMethodProviderContext<FakeQdrantService> context,
        ServiceDescriptor service,
        string name,
        UnaryServerMethod<FakeQdrantService, TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var method = service.FindMethodByName(name) ?? throw new InvalidOperationException($"{service.FullName} has no method {name}.");
        if (method.IsClientStreaming || method.IsServerStreaming
            || method.InputType.ClrType != typeof(TRequest) || method.OutputType.ClrType != typeof(TResponse))
        {
            throw new InvalidOperationException(
                $"{service.FullName}/{name} is {method.InputType.ClrType.Name} -> {method.OutputType.ClrType.Name}, not unary {typeof(TRequest).Name} -> {typeof(TResponse).Name}.");
        }

        var grpcMethod = new Method<TRequest, TResponse>(
            MethodType.Unary, service.FullName, method.Name, Marshaller<TRequest>(method.InputType), Marshaller<TResponse>(method.OutputType));
        context.AddUnaryMethod(grpcMethod, [], handler);
    }

    private static Marshaller<T> Marshaller<T>(MessageDescriptor descriptor)
        where T : class, IMessage<T> =>
        Marshallers.Create(message => message.ToByteArray(), bytes => (T)descriptor.Parser.ParseFrom(bytes));
}
