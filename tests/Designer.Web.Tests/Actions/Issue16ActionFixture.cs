using System.Collections.Concurrent;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Designer.Web.Tests.Actions;

/// <summary>The app with one approved connection, <c>payments</c>, pointing at a real receiver the fixture starts on a random port.</summary>
public sealed class Issue16ActionFixture : IAsyncLifetime
{
    public const string Secret = "sk-live-5d1c-web-never-shown";

    private WebApplication? _receiver;

    public Issue16ActionFixture() => Api = new ActionApi(this);

    /// <summary>The app (publish, clients) over the shared run-API fixture.</summary>
    public RunApiFixture Api { get; }

    /// <summary>Each request's method, path, Authorization and Idempotency-Key, joined by <c>|</c>.</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    public string ReceiverAddress { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _receiver = builder.Build();
        _receiver.Run(async context =>
        {
            Received.Enqueue(string.Join('|', context.Request.Method, context.Request.Path, context.Request.Headers.Authorization, context.Request.Headers["Idempotency-Key"]));
            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id":"rf-1"}""", context.RequestAborted);
        });
        await _receiver.StartAsync();
        ReceiverAddress = _receiver.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        await Api.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }
    }

    private sealed class ActionApi(Issue16ActionFixture outer) : RunApiFixture
    {
        protected override Task<DesignerWebFactory> CreateFactoryAsync()
        {
            var factory = new DesignerWebFactory();
            factory.Settings["Designer:Actions:Connections:payments:BaseUrl"] = outer.ReceiverAddress + "/api/";
            factory.Settings["Designer:Actions:Connections:payments:BearerSecret"] = Secret;
            factory.Settings["Designer:Actions:Connections:payments:RetryDelay"] = "00:00:00.010";
            return Task.FromResult(factory);
        }
    }
}
