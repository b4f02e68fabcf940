using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Designer.Runtime.Tests.ChatModels;

/// <summary>
/// An OpenAI-compatible <c>/v1/chat/completions</c> on Kestrel at 127.0.0.1, answering from a per-test script (one
/// step per request; the last step repeats). No model can run here, so the real SK connectors talk to this.
/// </summary>
internal sealed class ScriptedChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, JsonObject, Task>> _script = new();
    private Func<HttpContext, JsonObject, Task>? _last;

    private ScriptedChatServer(WebApplication app) => _app = app;

    /// <summary>The <c>http://127.0.0.1:port/v1</c> base URL.</summary>
    public string Endpoint { get; private set; } = string.Empty;

    /// <summary>Every request body received, in order.</summary>
    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    /// <summary>The path and query of each request.</summary>
    public ConcurrentQueue<string> Paths { get; } = new();

    /// <summary>Each request's <c>api-key</c> and <c>Authorization</c> headers, joined by <c>|</c>.</summary>
    public ConcurrentQueue<string> KeyHeaders { get; } = new();

    /// <summary>When each request arrived.</summary>
    public ConcurrentQueue<DateTimeOffset> Arrivals { get; } = new();

    public static async Task<ScriptedChatServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedChatServer(app);
        RequestDelegate handle = async context =>
        {
            var body = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!;
            server.Requests.Enqueue(body);
            server.Paths.Enqueue(context.Request.Path + context.Request.QueryString);
            server.KeyHeaders.Enqueue(context.Request.Headers["api-key"].ToString() + "|" + context.Request.Headers.Authorization.ToString());
            server.Arrivals.Enqueue(DateTimeOffset.UtcNow);
            var step = server._script.TryDequeue(out var next) ? server._last = next : server._last;
            await (step ?? Status(500))(context, body);
        };
        app.MapPost("/v1/chat/completions", handle);

        // Azure OpenAI's deployment route under the same base (…/v1/openai/deployments/{name}/chat/completions?api-version=…).
        app.MapPost("/v1/openai/{**rest}", handle);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.Endpoint = address.TrimEnd('/') + "/v1";
        return server;
    }

    public ScriptedChatServer Then(Func<HttpContext, JsonObject, Task> step)
    {
        _script.Enqueue(step);
        return this;
    }

    /// <summary>A well-formed completion whose assistant content is <paramref name="content"/>.</summary>
    public static Func<HttpContext, JsonObject, Task> Reply(string content, int promptTokens = 120, int completionTokens = 30) =>
        (context, request) => WriteCompletionAsync(context, request, content, promptTokens, completionTokens);

    /// <summary>Answers with the user message it received, inside a JSON object, so a test sees exactly what was sent.</summary>
    public static Func<HttpContext, JsonObject, Task> Echo() => (context, request) =>
    {
        var user = request["messages"]!.AsArray().Last(m => m!["role"]!.GetValue<string>() == "user")!["content"]!.GetValue<string>();
        return WriteCompletionAsync(context, request, new JsonObject { ["resolution"] = user, ["confidence"] = 0.9 }.ToJsonString(), 50, 20);
    };

    /// <summary>A completion whose tokens carry log-probabilities, each token's probability being <paramref name="tokenProbability"/>.</summary>
    public static Func<HttpContext, JsonObject, Task> ReplyWithLogprobs(string content, double tokenProbability) =>
        (context, request) => WriteCompletionAsync(context, request, content, 40, 4, new JsonObject
        {
            ["content"] = new JsonArray([.. Enumerable.Range(0, 4).Select(i => (JsonNode?)new JsonObject
            {
                ["token"] = "t" + i,
                ["logprob"] = Math.Log(tokenProbability),
                ["bytes"] = new JsonArray(116),
                ["top_logprobs"] = new JsonArray(),
            })]),
        });

    /// <summary>A streamed (server-sent events) answer, which the node never asks for.</summary>
    public static Func<HttpContext, JsonObject, Task> ServerSentEvents() => async (context, _) =>
    {
        context.Response.ContentType = "text/event-stream";
        await context.Response.WriteAsync(
            "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Refund\"}}]}\n\n"
            + "data: [DONE]\n\n",
            context.RequestAborted);
    };

    public static Func<HttpContext, JsonObject, Task> Status(int status, string? retryAfter = null) => async (context, _) =>
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"error":{"message":"scripted failure","type":"server_error"}}""", context.RequestAborted);
    };

    public static Func<HttpContext, JsonObject, Task> Slow(TimeSpan delay, string content) => async (context, request) =>
    {
        await Task.Delay(delay, context.RequestAborted);
        await WriteCompletionAsync(context, request, content, 10, 10);
    };

    public static Func<HttpContext, JsonObject, Task> Raw(string body) => async (context, _) =>
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, context.RequestAborted);
    };

    /// <summary>A syntactically valid completion of about <paramref name="bytes"/> bytes.</summary>
    public static Func<HttpContext, JsonObject, Task> Huge(int bytes) => (context, request) =>
        WriteCompletionAsync(context, request, new string('x', bytes), 10, 10);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static async Task WriteCompletionAsync(
        HttpContext context, JsonObject request, string content, int promptTokens, int completionTokens, JsonObject? logprobs = null)
    {
        var response = new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion",
            ["created"] = 1_764_000_000,
            ["model"] = request["model"]?.GetValue<string>() ?? "test",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["finish_reason"] = "stop",
                ["logprobs"] = logprobs,
            }),
            ["usage"] = new JsonObject
            {
                ["prompt_tokens"] = promptTokens,
                ["completion_tokens"] = completionTokens,
                ["total_tokens"] = promptTokens + completionTokens,
            },
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.ToJsonString(), Encoding.UTF8, context.RequestAborted);
    }
}
