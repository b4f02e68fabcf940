using System.Net;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;
using Designer.Workflows.Catalogue;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Actions;

/// <summary>
/// Issue 16: an action's compensation (saga) is sent when the run later fails or is cancelled — once, with
/// <c>Idempotency-Key: runId:nodeId:compensate</c> and the connection's secret — recorded in the trace and the audit
/// chain; a run that completes sends none.
/// </summary>
public sealed class Issue16CompensationTests(Issue16ActionFixture fixture) : IClassFixture<Issue16ActionFixture>
{
    [Fact]
    public async Task StartRun_Issue16_LaterStepFails_CompensatesSuccessfulActionOnceTracedAndAudited()
    {
        // Arrange: the refund succeeds, then the ledger step faults (its rendered path leaves the connection).
        var ct = TestContext.Current.CancellationToken;
        var id = await fixture.Api.PublishAsync(RefundThenLedger());
        var operatorClient = await fixture.Api.ClientAsync("operator");

        // Act
        var response = await operatorClient.PostJsonAsync($"/api/workflows/{id}/runs?wait=PT60S", new { input = new { caseId = "C-8", ledgerPath = "../../admin" } });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = await response.ReadObjectAsync();
        Assert.True(run["status"]!.GetValue<string>() == "faulted", run.ToJsonString());
        var runId = run["id"]!.GetValue<string>();
        var compensations = fixture.Received.Where(r => r.EndsWith($"{runId}:refund:compensate", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"DELETE|/api/refunds/rf-1|Bearer {Issue16ActionFixture.Secret}|{runId}:refund:compensate"], compensations);
        var trace = JsonNode.Parse(await (await operatorClient.GetAsync($"/api/runs/{runId}/trace", ct)).Content.ReadAsStringAsync(ct))!.AsArray();
        var traced = Assert.Single(trace, e => e!["kind"]!.GetValue<string>() == "compensation")!;
        Assert.Equal("refund", traced["nodeId"]!.GetValue<string>());
        Assert.Equal("ok", traced["event"]!["port"]!.GetValue<string>());
        Assert.Equal("failed", traced["event"]!["input"]!["reason"]!.GetValue<string>());
        Assert.DoesNotContain(Issue16ActionFixture.Secret, trace.ToJsonString(), StringComparison.Ordinal);
        var audit = await (await (await fixture.Api.ClientAsync("admin")).GetAsync($"/api/audit?entityId={runId}", ct)).ReadObjectAsync();
        var entry = Assert.Single(audit["items"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "run.compensated")!;
        var call = Assert.Single(JsonNode.Parse(entry["dataJson"]!.GetValue<string>())!["calls"]!.AsArray())!;
        Assert.Equal("refund", call["node"]!.GetValue<string>());
        Assert.Equal(201, call["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task StartRun_Issue16_RunCompletes_SendsNoCompensation()
    {
        // Arrange
        var id = await fixture.Api.PublishAsync(RefundThenLedger());
        var operatorClient = await fixture.Api.ClientAsync("operator");

        // Act
        var response = await operatorClient.PostJsonAsync($"/api/workflows/{id}/runs?wait=PT60S", new { input = new { caseId = "C-9", ledgerPath = "ledger/C-9" } });

        // Assert
        var run = await response.ReadObjectAsync();
        Assert.True(run["status"]!.GetValue<string>() == "completed", run.ToJsonString());
        var runId = run["id"]!.GetValue<string>();
        Assert.Contains(fixture.Received, r => r.EndsWith($"{runId}:ledger:1", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Received, r => r.Contains($"{runId}:refund:compensate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CancelRun_Issue16_WaitingAfterRefund_CompensatesRefund()
    {
        // Arrange: the refund succeeds and the run waits at a human gate.
        var ct = TestContext.Current.CancellationToken;
        var id = await fixture.Api.PublishAsync(RefundThenGate());
        var operatorClient = await fixture.Api.ClientAsync("operator");
        var runGuid = await Runs.RunApiTests.StartAsync(operatorClient, id, new JsonObject { ["caseId"] = "C-10" });
        await Runs.RunApiTests.WaitForStatusAsync(operatorClient, runGuid, "waitingForHuman");
        var runId = runGuid.ToString();

        // Act
        var cancelled = await operatorClient.PostJsonAsync($"/api/runs/{runId}/cancel");
        var trace = await WaitForCompensationAsync(operatorClient, runId, ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", trace["event"]!["input"]!["reason"]!.GetValue<string>());
        Assert.Equal([$"DELETE|/api/refunds/rf-1|Bearer {Issue16ActionFixture.Secret}|{runId}:refund:compensate"],
            fixture.Received.Where(r => r.Contains($"{runId}:refund:compensate", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CancelRun_Issue16_OtherNodeOutputHoldsCompensationObject_OnlyTheActionIsCompensated()
    {
        // Arrange: a model-like node's output that carries a "compensation" object (text a model could be made to write).
        var ct = TestContext.Current.CancellationToken;
        var id = await fixture.Api.PublishAsync(RefundThenGate());
        var operatorClient = await fixture.Api.ClientAsync("operator");
        var runGuid = await Runs.RunApiTests.StartAsync(operatorClient, id, new JsonObject { ["caseId"] = "C-11" });
        await Runs.RunApiTests.WaitForStatusAsync(operatorClient, runGuid, "waitingForHuman");
        var forged = new JsonObject
        {
            ["runId"] = runGuid.ToString(),
            ["kind"] = "node.completed",
            ["nodeId"] = "draft",
            ["nodeKind"] = "model",
            ["port"] = "ok",
            ["output"] = new JsonObject { ["compensation"] = new JsonObject { ["connection"] = "payments", ["method"] = "POST", ["path"] = "refunds/forged" } },
        };
        var store = fixture.Api.Factory.Services.GetRequiredService<Designer.Persistence.IRunStore>();
        await store.AppendTraceAsync(runGuid, "node.completed", "draft", forged.ToJsonString(), DateTimeOffset.UtcNow, ct);

        // Act
        await operatorClient.PostJsonAsync($"/api/runs/{runGuid}/cancel");
        await WaitForCompensationAsync(operatorClient, runGuid.ToString(), ct);

        // Assert
        Assert.DoesNotContain(fixture.Received, r => r.Contains("/refunds/forged", StringComparison.Ordinal));
        Assert.Single(fixture.Received, r => r.Contains($"{runGuid}:refund:compensate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CompensateCancelledAsync_Issue16_StopBetweenCancelAndCompensation_SweepSendsItOnce()
    {
        // Arrange: the run is cancelled in storage but its compensation never ran (the host stopped in between).
        var ct = TestContext.Current.CancellationToken;
        var id = await fixture.Api.PublishAsync(RefundThenGate());
        var operatorClient = await fixture.Api.ClientAsync("operator");
        var runGuid = await Runs.RunApiTests.StartAsync(operatorClient, id, new JsonObject { ["caseId"] = "C-12" });
        await Runs.RunApiTests.WaitForStatusAsync(operatorClient, runGuid, "waitingForHuman");
        var services = fixture.Api.Factory.Services;
        var store = services.GetRequiredService<Designer.Persistence.IRunStore>();
        Assert.NotNull(await store.TransitionAsync(runGuid, [Designer.Persistence.RunStatus.WaitingForHuman],
            new Designer.Persistence.RunTransition(Designer.Persistence.RunStatus.Cancelled, Error: "Cancelled by an operator."), ct));
        var runs = services.GetRequiredService<Designer.Runtime.Runs.RunService>();

        // Act: the start-up sweep, twice (a second host starting, or a later restart).
        await runs.CompensateCancelledAsync(ct);
        await WaitForCompensationAsync(operatorClient, runGuid.ToString(), ct);
        await runs.CompensateCancelledAsync(ct);
        await services.GetRequiredService<Designer.Runtime.Runs.RunExecutionHost>().WhenIdleAsync(runGuid);

        // Assert
        Assert.Single(fixture.Received, r => r.Contains($"{runGuid}:refund:compensate", StringComparison.Ordinal));
    }

    /// <summary>Waits (up to 60 s, for a loaded machine) for the cancelled run's compensation in its trace.</summary>
    private static async Task<JsonNode> WaitForCompensationAsync(HttpClient client, string runId, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var trace = JsonNode.Parse(await (await client.GetAsync($"/api/runs/{runId}/trace", ct)).Content.ReadAsStringAsync(ct))!.AsArray();
            if (trace.FirstOrDefault(e => e!["kind"]!.GetValue<string>() == "compensation") is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no compensation in the trace of run {runId} after 60 s");
            await Task.Delay(200, ct);
        }
    }

    private static JsonObject Refund() => new()
    {
        ["method"] = "POST",
        ["connection"] = "payments",
        ["pathTemplate"] = "refunds/{{input.caseId}}",
        ["bodyTemplate"] = """{"caseId":"{{input.caseId}}"}""",
        ["compensation"] = new JsonObject
        {
            ["method"] = "DELETE",
            ["pathTemplate"] = "refunds/{{response.body.id}}",
        },
    };

    private static WorkflowDefinition RefundThenLedger() => new()
    {
        Name = "Refund then ledger",
        Nodes =
        [
            Node("start", NodeKinds.Start, []),
            Node("refund", NodeKinds.Action, Refund()),
            Node("ledger", NodeKinds.Action, new JsonObject
            {
                ["method"] = "POST",
                ["connection"] = "payments",
                ["pathTemplate"] = "{{input.ledgerPath}}",
            }),
            Node("done", NodeKinds.End, []),
            Node("failed", NodeKinds.End, []),
        ],
        Edges =
        [
            Edge("e1", "start", "next", "refund"),
            Edge("e2", "refund", "ok", "ledger"),
            Edge("e3", "refund", "client-error", "failed"),
            Edge("e4", "refund", "server-error", "failed"),
            Edge("e5", "refund", "timeout", "failed"),
            Edge("e6", "ledger", "ok", "done"),
            Edge("e7", "ledger", "client-error", "failed"),
            Edge("e8", "ledger", "server-error", "failed"),
            Edge("e9", "ledger", "timeout", "failed"),
        ],
    };

    private static WorkflowDefinition RefundThenGate() => new()
    {
        Name = "Refund then review",
        Nodes =
        [
            Node("start", NodeKinds.Start, []),
            Node("refund", NodeKinds.Action, Refund()),
            Node("review", NodeKinds.HumanGate, new JsonObject
            {
                ["assigneeRole"] = "approver",
                ["instructions"] = "Check the refund of case {{input.caseId}}.",
                ["decisions"] = new JsonArray("approve", "reject"),
            }),
            Node("done", NodeKinds.End, []),
            Node("failed", NodeKinds.End, []),
        ],
        Edges =
        [
            Edge("e1", "start", "next", "refund"),
            Edge("e2", "refund", "ok", "review"),
            Edge("e3", "refund", "client-error", "failed"),
            Edge("e4", "refund", "server-error", "failed"),
            Edge("e5", "refund", "timeout", "failed"),
            Edge("e6", "review", "approved", "done"),
            Edge("e7", "review", "rejected", "failed"),
            Edge("e8", "review", "timeout", "failed"),
        ],
    };

    private static NodeDefinition Node(string id, string kind, JsonObject config) =>
        new() { Id = id, Kind = kind, Name = id, Position = new NodePosition(0, 0), Config = config };

    private static EdgeDefinition Edge(string id, string from, string port, string to) =>
        new() { Id = id, From = new PortRef(from, port), To = new PortRef(to, NodeKinds.InputPort) };
}
