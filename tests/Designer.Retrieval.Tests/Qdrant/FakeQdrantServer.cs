using System.Net;
using System.Security.Cryptography.X509Certificates;
using Designer.Retrieval.Qdrant;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Designer.Retrieval.Tests.Qdrant;

/// <summary>
/// An in-process gRPC server serving the fake Qdrant RPCs: on ASP.NET Core's TestHost (HTTP/2 in memory) by default,
/// or on Kestrel at 127.0.0.1 over TLS when given a certificate, so the client's own socket handler and certificate
/// check are exercised too. Providers reach it through <see cref="CreateProvider"/> with the real channel and client.
/// </summary>
internal sealed class FakeQdrantServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Uri _endpoint;
    private readonly bool _inMemory;

    private FakeQdrantServer(WebApplication app, Uri endpoint, bool inMemory)
    {
        _app = app;
        _endpoint = endpoint;
        _inMemory = inMemory;
        Service = app.Services.GetRequiredService<FakeQdrantService>();
    }

    public FakeQdrantService Service { get; }

    /// <summary>Starts the server; with <paramref name="tlsCertificate"/> it listens on 127.0.0.1 (random port) over HTTPS/HTTP2.</summary>
    public static async Task<FakeQdrantServer> StartAsync(string? apiKey = null, X509Certificate2? tlsCertificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (tlsCertificate is null)
        {
            builder.WebHost.UseTestServer();
        }
        else
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                listen.UseHttps(tlsCertificate);
            }));
        }

        builder.Logging.ClearProviders();
        builder.Services.AddGrpc(options => options.EnableDetailedErrors = true);
        builder.Services.AddSingleton(new FakeQdrantOptions(apiKey));
        builder.Services.AddSingleton<FakeQdrantModel>();
        builder.Services.AddSingleton<FakeQdrantService>();
        builder.Services.AddSingleton<IServiceMethodProvider<FakeQdrantService>, FakeQdrantMethodProvider>();
        var app = builder.Build();
        app.MapGrpcService<FakeQdrantService>();
        await app.StartAsync();
        if (tlsCertificate is null)
        {
            return new FakeQdrantServer(app, new Uri("http://qdrant.test:6334/"), inMemory: true);
        }

        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return new FakeQdrantServer(app, new Uri($"https://localhost:{address.Port}/"), inMemory: false);
    }

    public QdrantVectorIndexProvider CreateProvider(string lexicalRoot, string? apiKey = null, string? certificateThumbprint = null) =>
        new(Settings(apiKey, certificateThumbprint), lexicalRoot, Handler());

    /// <summary>A bare official client on the fake, to send what the adapter never would.</summary>
    public QdrantConnection CreateConnection(string? apiKey = null) => new(Settings(apiKey, null), Handler());

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // Over Kestrel the connection builds its own socket handler, as in production.
    private HttpMessageHandler? Handler() => _inMemory ? _app.GetTestServer().CreateHandler() : null;

    private QdrantConnectionSettings Settings(string? apiKey, string? certificateThumbprint) =>
        new() { Endpoint = _endpoint, ApiKey = apiKey, CertificateThumbprint = certificateThumbprint, Timeout = TimeSpan.FromSeconds(20) };
}
