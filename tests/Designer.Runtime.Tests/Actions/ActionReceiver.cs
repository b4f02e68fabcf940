using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Designer.Runtime.Tests.Actions;

/// <summary>
/// A real HTTP receiver on Kestrel at 127.0.0.1 (random port) that records every request and answers from a per-test
/// script (one step per request; the last repeats). Like a payments API, it applies an effect once per idempotency key.
/// </summary>
internal sealed class ActionReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private Func<HttpContext, Task>? _last;

    private ActionReceiver(WebApplication app) => _app = app;

    /// <summary>The <c>http://127.0.0.1:port</c> address.</summary>
    public string Address { get; private set; } = string.Empty;

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>Idempotency keys whose effect was applied (a repeated key is answered without a second effect).</summary>
    public ConcurrentDictionary<string, int> Effects { get; } = new(StringComparer.Ordinal);

    public static async Task<ActionReceiver> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new ActionReceiver(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            receiver.Requests.Enqueue(new ReceivedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body));
            var step = receiver._script.TryDequeue(out var next) ? receiver._last = next : receiver._last;
            await (step ?? Json(200, """{"ok":true}"""))(context);
        });
        await app.StartAsync(cancellationToken);
        receiver.Address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
        return receiver;
    }

    public ActionReceiver Then(Func<HttpContext, Task> step)
    {
        _script.Enqueue(step);
        return this;
    }

    public static Func<HttpContext, Task> Json(int status, string body) => async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, context.RequestAborted);
    };

    /// <summary>Applies the effect once per Idempotency-Key and answers with the refund id of the first effect.</summary>
    public Func<HttpContext, Task> Refund() => context =>
    {
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        var count = Effects.AddOrUpdate(key, 1, (_, n) => n);
        return Json(201, $$"""{"id":"rf-{{Effects.Count}}","key":"{{key}}","applied":{{count}}}""")(context);
    };

    public static Func<HttpContext, Task> Slow(TimeSpan delay) => async context =>
    {
        await Task.Delay(delay, context.RequestAborted);
        await Json(200, """{"late":true}""")(context);
    };

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
