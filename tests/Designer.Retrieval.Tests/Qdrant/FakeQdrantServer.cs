using Designer.Retrieval.Qdrant;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Designer.Retrieval.Tests.Qdrant;

/// <summary>
/// An in-process gRPC server (ASP.NET Core TestHost, HTTP/2) serving the fake Qdrant RPCs. Providers talk to it through
/// <see cref="CreateProvider"/>, which hands the TestHost handler to the real channel and <c>QdrantClient</c>.
/// </summary>
internal sealed class FakeQdrantServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeQdrantServer(WebApplication app)
    {
        _app = app;
        Service = app.Services.GetRequiredService<FakeQdrantService>();
    }

    public FakeQdrantService Service { get; }

    public static async Task<FakeQdrantServer> StartAsync(string? apiKey = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc(options => options.EnableDetailedErrors = true);
        builder.Services.AddSingleton(new FakeQdrantOptions(apiKey));
        builder.Services.AddSingleton<FakeQdrantModel>();
        builder.Services.AddSingleton<FakeQdrantService>();
        builder.Services.AddSingleton<IServiceMethodProvider<FakeQdrantService>, FakeQdrantMethodProvider>();
        var app = builder.Build();
        app.MapGrpcService<FakeQdrantService>();
        await app.StartAsync();
        return new FakeQdrantServer(app);
    }

    public QdrantVectorIndexProvider CreateProvider(string lexicalRoot, string? apiKey = null) =>
        new(Settings(apiKey), lexicalRoot, _app.GetTestServer().CreateHandler());

    /// <summary>A bare official client on the fake, to send what the adapter never would.</summary>
    public QdrantConnection CreateConnection(string? apiKey = null) => new(Settings(apiKey), _app.GetTestServer().CreateHandler());

    private static QdrantConnectionSettings Settings(string? apiKey) => new() { Endpoint = new Uri("http://qdrant.test:6334/"), ApiKey = apiKey };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
