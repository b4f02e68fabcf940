using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Designer.Web.Tests.Runs;

/// <summary>
/// Issue 16 "done when": the app (its own process, SQLite file) is killed with SIGKILL while an action's POST is in
/// flight at a real receiver; after a restart on the same data, recovery sends the call again with the same
/// Idempotency-Key, and the receiver — which deduplicates effects by key like a payments API — records one effect.
/// </summary>
public sealed class Issue16ActionSigkillTests
{
    [Fact]
    public async Task KillHost_Issue16_ActionInFlight_RecoveryResendsSameKeyAndReceiverSeesOneEffect()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await PaymentsReceiver.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "designer-sigkill", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string>
        {
            ["Designer:Actions:Connections:payments:BaseUrl"] = receiver.Address + "/api/",
            ["Designer:Actions:Connections:payments:AuthHeader"] = "X-Api-Key",
            ["Designer:Actions:Connections:payments:AuthValue"] = "sigkill-secret",
            ["Designer:Actions:Connections:payments:RetryDelay"] = "00:00:00.050",
            // Longer than the test needs: the held call must still be in flight when the host dies.
            ["Designer:Actions:Connections:payments:Timeout"] = "00:02:00",
        };
        var app = await AppProcess.StartAsync(data, settings);
        Guid runId;
        JsonObject run;
        JsonArray trace;
        try
        {
            var workflowId = await PublishAsync(app);
            var operatorClient = await app.ClientForAsync("operator");
            var started = await operatorClient.PostAsync(
                $"/api/workflows/{workflowId}/runs",
                ApiClientExtensions.Json(new JsonObject { ["input"] = new JsonObject { ["caseId"] = "C-9", ["amount"] = 12.5 } }.ToJsonString()),
                ct);
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            runId = (await started.ReadObjectAsync())["runId"]!.GetValue<Guid>();

            // Act: the first call reaches the receiver, which never answers it; the host dies mid-call.
            await receiver.FirstRequestArrived.Task.WaitAsync(TimeSpan.FromSeconds(90), ct);
            await app.KillAsync();
            receiver.ReleaseFirst();
            app = await AppProcess.StartAsync(data, settings);
            var viewer = await app.ClientForAsync("viewer");
            run = await WaitFinishedAsync(viewer, runId, app);
            trace = JsonNode.Parse(await (await viewer.GetAsync($"/api/runs/{runId}/trace", ct)).Content.ReadAsStringAsync(ct))!.AsArray();
        }
        finally
        {
            await app.DisposeAsync();
        }

        // Assert
        Assert.True(run["status"]!.GetValue<string>() == "completed", run.ToJsonString());
        Assert.Equal("done", run["endNode"]!.GetValue<string>());
        Assert.Contains(trace, e => e!["kind"]!.GetValue<string>() == "node.completed" && e["nodeId"]?.GetValue<string>() == "refund"
            && e["event"]?["port"]?.GetValue<string>() == "ok");
        var requests = receiver.Requests.ToList();
        Assert.True(requests.Count >= 2, $"the receiver saw {requests.Count} request(s): recovery did not send the call again");
        Assert.All(requests, r => Assert.Equal($"{runId:D}:refund:1", r.Key));
        Assert.All(requests, r => Assert.Equal("""{"caseId":"C-9","amount":12.5}""", r.Body));
        Assert.Equal(1, Assert.Single(receiver.Effects).Value);
        TryDelete(data);
    }

    private static async Task<Guid> PublishAsync(AppProcess app)
    {
        var author = await app.ClientForAsync("author");
        var id = await author.CreateWorkflowAsync("Sigkill action " + Guid.NewGuid().ToString("N")[..6], Workflow());
        var submitted = await author.PostJsonAsync($"/api/workflows/{id}/versions");
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientForAsync("approver")).PostJsonAsync($"/api/workflows/{id}/versions/1/approve")).StatusCode);
        return id;
    }

    private static async Task<JsonObject> WaitFinishedAsync(HttpClient viewer, Guid runId, AppProcess app)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var run = await (await viewer.GetAsync($"/api/runs/{runId}")).ReadObjectAsync();
            if (run["status"]?.GetValue<string>() is "completed" or "failed" or "cancelled")
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"run {runId} did not finish after the restart: {run.ToJsonString()}\n{app.Log}");
            await Task.Delay(200);
        }
    }

    private static WorkflowDefinition Workflow() =>
        Actions.RefundWorkflow.Create("Refund after a crash", "payments", """{"caseId":"{{input.caseId}}","amount":{{input.amount}}}""");

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Temp is cleaned by the OS.
        }
    }

    /// <summary>A payments-like receiver: records every request, one effect per Idempotency-Key, holds the first call.</summary>
    private sealed class PaymentsReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;

        private PaymentsReceiver(WebApplication app) => _app = app;

        public string Address { get; private set; } = string.Empty;

        public ConcurrentQueue<(string Key, string Body)> Requests { get; } = new();

        /// <summary>Idempotency-Key → times its effect was applied (1: later deliveries of a key only replay it).</summary>
        public ConcurrentDictionary<string, int> Effects { get; } = new();

        public TaskCompletionSource FirstRequestArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static async Task<PaymentsReceiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var receiver = new PaymentsReceiver(builder.Build());
            receiver._app.Run(receiver.HandleAsync);
            await receiver._app.StartAsync();
            receiver.Address = receiver._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/');
            return receiver;
        }

        /// <summary>Lets the held first request end (its client is gone by then).</summary>
        public void ReleaseFirst() => _release.TrySetResult();

        public async ValueTask DisposeAsync()
        {
            ReleaseFirst();
            await _app.DisposeAsync();
        }

        private async Task HandleAsync(HttpContext context)
        {
            var key = context.Request.Headers["Idempotency-Key"].ToString();
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            Requests.Enqueue((key, body));

            // One effect per key, applied on receipt: a repeated key replays the first result, as a payments API does.
            Effects.AddOrUpdate(key, 1, (_, applied) => applied);
            if (Interlocked.Increment(ref _count) == 1)
            {
                // In flight: no answer until the test has killed the app (then the connection is gone anyway).
                FirstRequestArrived.TrySetResult();
                await _release.Task;
                return;
            }

            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"id":"rf-1"}""", context.RequestAborted);
        }
    }
}
