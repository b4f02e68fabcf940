using System.Collections.Concurrent;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Designer.Web.Tests.Notifications;

/// <summary>
/// The app with two notification subscribers pointing at a real receiver the fixture starts on a random port:
/// <c>ops</c> (completed and waiting runs, always answers 204) and <c>flaky</c> (cancelled runs, answers 500 while
/// <see cref="FlakyDown"/>, at most 3 attempts 20 ms apart); issue 13 adds <c>rollouts</c> (automatic rollbacks only).
/// </summary>
public sealed class Issue16NotificationFixture : IAsyncLifetime
{
    public const string OpsSecret = "ops-secret-0123456789abcdef0123456789";
    public const string FlakySecret = "flaky-secret-0123456789abcdef01234567";
    public const string RolloutsSecret = "rollouts-secret-0123456789abcdef012345";

    private WebApplication? _receiver;

    public Issue16NotificationFixture() => Api = new NotificationApi(this);

    /// <summary>The app (publish, clients) over the shared run-API fixture.</summary>
    public RunApiFixture Api { get; }

    /// <summary>Every request the receiver got.</summary>
    public ConcurrentQueue<ReceivedEvent> Received { get; } = new();

    /// <summary>While true, <c>/flaky</c> answers 500.</summary>
    public bool FlakyDown { get; set; } = true;

    public string ReceiverAddress { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _receiver = builder.Build();
        _receiver.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var headers = context.Request.Headers;
            var failing = context.Request.Path == "/flaky" && FlakyDown;
            Received.Enqueue(new ReceivedEvent(
                context.Request.Path, headers["X-Designer-Event"].ToString(), headers["X-Designer-Event-Id"].ToString(),
                headers["X-Designer-Timestamp"].ToString(), headers["X-Designer-Signature"].ToString(), body, failing ? 500 : 204));
            context.Response.StatusCode = failing ? 500 : 204;
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

    /// <summary>One delivery as the receiver saw it.</summary>
    public sealed record ReceivedEvent(string Path, string Type, string EventId, string Timestamp, string Signature, string Body, int Status);

    private sealed class NotificationApi(Issue16NotificationFixture outer) : RunApiFixture
    {
        protected override Task<DesignerWebFactory> CreateFactoryAsync()
        {
            var factory = new DesignerWebFactory();
            const string Section = "Designer:Notifications";
            factory.Settings[$"{Section}:PollInterval"] = "00:00:00.050";
            factory.Settings[$"{Section}:Subscribers:ops:Url"] = outer.ReceiverAddress + "/ops";
            factory.Settings[$"{Section}:Subscribers:ops:Secret"] = OpsSecret;
            factory.Settings[$"{Section}:Subscribers:ops:Events:0"] = "run.completed";
            factory.Settings[$"{Section}:Subscribers:ops:Events:1"] = "run.waiting";
            factory.Settings[$"{Section}:Subscribers:flaky:Url"] = outer.ReceiverAddress + "/flaky";
            factory.Settings[$"{Section}:Subscribers:flaky:Secret"] = FlakySecret;
            factory.Settings[$"{Section}:Subscribers:flaky:Events:0"] = "run.cancelled";
            factory.Settings[$"{Section}:Subscribers:flaky:MaxAttempts"] = "3";
            factory.Settings[$"{Section}:Subscribers:flaky:RetryDelay"] = "00:00:00.020";
            factory.Settings[$"{Section}:Subscribers:rollouts:Url"] = outer.ReceiverAddress + "/rollouts";
            factory.Settings[$"{Section}:Subscribers:rollouts:Secret"] = RolloutsSecret;
            factory.Settings[$"{Section}:Subscribers:rollouts:Events:0"] = "rollout.rolled_back";
            return Task.FromResult(factory);
        }
    }
}
