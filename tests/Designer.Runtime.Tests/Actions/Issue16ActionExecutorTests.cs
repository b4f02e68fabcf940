using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Runtime.Execution;
using Designer.Runtime.Tests.Fakes;
using Designer.Runtime.Tracing;

namespace Designer.Runtime.Tests.Actions;

/// <summary>
/// Issue 16: the action node through the real engine against a real HTTP receiver on a random port — templating,
/// idempotency keys across retries and recovery, retry policy, ports, timeout and the secret kept out of the trace.
/// </summary>
public sealed class Issue16ActionExecutorTests
{
    [Fact]
    public async Task Run_ReceiverAnswersCreated_SendsRenderedRequestAndMapsResponse()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await ActionReceiver.StartAsync(ct);
        receiver.Then(receiver.Refund());
        using var harness = new ActionHarness(ActionHarness.Connection(receiver));

        // Act
        var result = await harness.Runner.StartAsync(harness.Compile(ActionHarness.Workflow(ActionHarness.RefundConfig())), "run-ok", ActionHarness.Input(), ct);

        // Assert
        Assert.True(result.Status == WorkflowRunStatus.Completed, result.Error);
        Assert.Equal("done", result.EndNode);
        Assert.Equal("rf-1", result.Output!["refundId"]!.GetValue<string>());
        Assert.Equal(201, result.Output["status"]!.GetValue<int>());
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/v1/refunds/C-42", request.PathAndQuery);
        Assert.Equal("case C-42", request.Headers["X-Case"]);
        Assert.Equal("run-ok:refund:1", request.Headers["Idempotency-Key"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal(12.5, JsonNode.Parse(request.Body)!["amount"]!.GetValue<double>());
    }

    [Fact]
    public async Task Run_ReceiverAnswers503Twice_RetriesWithSameKeyThenOk()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await ActionReceiver.StartAsync(ct);
        receiver.Then(ActionReceiver.Json(503, "{}")).Then(ActionReceiver.Json(503, "{}")).Then(receiver.Refund());
        using var harness = new ActionHarness(ActionHarness.Connection(receiver, retries: 3));

        // Act
        var result = await harness.Runner.StartAsync(harness.Compile(ActionHarness.Workflow(ActionHarness.RefundConfig())), "run-retry", ActionHarness.Input(), ct);

        // Assert
        Assert.True(result.Status == WorkflowRunStatus.Completed, result.Error);
        Assert.Equal("done", result.EndNode);
        Assert.Equal(3, receiver.Requests.Count);
        Assert.All(receiver.Requests, r => Assert.Equal("run-retry:refund:1", r.Headers["Idempotency-Key"]));
        Assert.All(receiver.Requests, r => Assert.Equal("""{"caseId":"C-42","amount":12.5}""", r.Body));
        var completed = Assert.Single(harness.Trace.For("run-retry"), e => e.Kind == TraceEventKinds.NodeCompleted && e.NodeId == "refund");
        Assert.Equal(3, completed.Data!["attempts"]!.GetValue<int>());
        Assert.Equal(201, completed.Data["status"]!.GetValue<int>());
        Assert.Equal("payments", completed.Data["connection"]!.GetValue<string>());
        Assert.Equal("refunds/C-42", completed.Data["path"]!.GetValue<string>());
        Assert.True(completed.Data["latencyMs"]!.GetValue<double>() >= 0);
    }

    [Fact]
    public async Task Run_ReceiverAnswers409_LeavesByClientErrorWithoutRetry()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await ActionReceiver.StartAsync(ct);
        receiver.Then(ActionReceiver.Json(409, """{"error":"already refunded"}"""));
        using var harness = new ActionHarness(ActionHarness.Connection(receiver, retries: 3));

        // Act
        var result = await harness.Runner.StartAsync(harness.Compile(ActionHarness.Workflow(ActionHarness.RefundConfig())), "run-4xx", ActionHarness.Input(), ct);

        // Assert
        Assert.True(result.Status == WorkflowRunStatus.Completed, result.Error);
        Assert.Equal("rejected", result.EndNode);
        Assert.Single(receiver.Requests);
        var completed = Assert.Single(harness.Trace.For("run-4xx"), e => e.Kind == TraceEventKinds.NodeCompleted && e.NodeId == "refund");
        Assert.Equal("client-error", completed.Port);
        Assert.Equal("already refunded", completed.Output!["body"]!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_PostWithoutIdempotencyKeyGets503_IsNotRetriedAndLeavesByServerError()
    {
        // Arrange: a POST the receiver cannot deduplicate must not be sent twice.
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await ActionReceiver.StartAsync(ct);
        receiver.Then(ActionReceiver.Json(503, "{}"));
        using var harness = new ActionHarness(ActionHarness.Connection(receiver, retries: 3));
        var config = ActionHarness.RefundConfig();
        config["sendIdempotencyKey"] = false;

        // Act
        var result = await harness.Runner.StartAsync(harness.Compile(ActionHarness.Workflow(config)), "run-nokey", ActionHarness.Input(), ct);

        // Assert
        Assert.Equal("failed", result.EndNode);
        var request = Assert.Single(receiver.Requests);
        Assert.False(request.Headers.ContainsKey("Idempotency-Key"));
    }

    [Fact]
    public async Task Run_GetWithoutKeyGets503_IsRetriedBecauseGetIsIdempotent()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await ActionReceiver.StartAsync(ct);
        receiver.Then(ActionReceiver.Json(503, "{}")).Then(ActionReceiver.Json(200, """{"id":"rf-9"}"""));
        using var harness = new ActionHarness(ActionHarness.Connection(receiver, retries: 2));
        var config = ActionHarness.RefundConfig("GET");
        config.Remove("bodyTemplate");
        config["sendIdempotencyKey"] = false;

        // Act
        var result = await harness.Runner.StartAsync(harness.Compile(ActionHarness.Workflow(config)), "run-get", ActionHarness.Input(), ct);

        // Assert
        Assert.Equal("done", result.EndNode);
        Assert.Equal("rf-9", result.Output!["refundId"]!.GetValue<string>());
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task Run_ReceiverSlowerThanTimeout_LeavesByTimeoutPort()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await ActionReceiver.StartAsync(ct);
        receiver.Then(ActionReceiver.Slow(TimeSpan.FromSeconds(5)));
        using var harness = new ActionHarness(ActionHarness.Connection(receiver, retries: 0));
        var config = ActionHarness.RefundConfig();
        config["timeoutMs"] = 200;

        // Act
        var result = await harness.Runner.StartAsync(harness.Compile(ActionHarness.Workflow(config)), "run-late", ActionHarness.Input(), ct);

        // Assert
        Assert.True(result.Status == WorkflowRunStatus.Completed, result.Error);
        Assert.Equal("late", result.EndNode);
        var completed = Assert.Single(harness.Trace.For("run-late"), e => e.Kind == TraceEventKinds.NodeCompleted && e.NodeId == "refund");
        Assert.Equal("timeout", completed.Port);
        Assert.Contains("200 ms", completed.Data!["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ConnectionWithSecret_SendsSecretButNeverTracesIt()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await ActionReceiver.StartAsync(ct);
        receiver.Then(ActionReceiver.Json(503, "{}")).Then(receiver.Refund());
        using var harness = new ActionHarness(ActionHarness.Connection(receiver));
        var definition = ActionHarness.Workflow(ActionHarness.RefundConfig());

        // Act
        var result = await harness.Runner.StartAsync(harness.Compile(definition), "run-secret", ActionHarness.Input(), ct);

        // Assert
        Assert.Equal("done", result.EndNode);
        Assert.All(receiver.Requests, r => Assert.Equal("Bearer " + ActionHarness.Secret, r.Headers["Authorization"]));
        var trace = string.Join("\n", harness.Trace.For("run-secret").Select(e => JsonSerializer.Serialize(e)));
        Assert.Contains("run-secret:refund:1", trace, StringComparison.Ordinal);
        Assert.DoesNotContain(ActionHarness.Secret, trace, StringComparison.Ordinal);
        Assert.DoesNotContain(ActionHarness.Secret, JsonSerializer.Serialize(definition), StringComparison.Ordinal);
        Assert.DoesNotContain(ActionHarness.Secret, result.Output!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AuthorHeaderNamedLikeConnectionAuth_FaultsWithoutCalling()
    {
        // Arrange: a workflow must not overwrite or read the connection's credential header.
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await ActionReceiver.StartAsync(ct);
        var options = ActionHarness.Connection(receiver);
        options.Connections["payments"].BearerSecret = null;
        options.Connections["payments"].AuthHeader = "X-Api-Key";
        options.Connections["payments"].AuthValue = ActionHarness.Secret;
        using var harness = new ActionHarness(options);
        var config = ActionHarness.RefundConfig();
        config["headers"] = new JsonObject { ["x-api-key"] = "{{input.caseId}}" };

        // Act
        var result = await harness.Runner.StartAsync(harness.Compile(ActionHarness.Workflow(config)), "run-hdr", ActionHarness.Input(), ct);

        // Assert
        Assert.Equal(WorkflowRunStatus.Failed, result.Status);
        Assert.Contains("header 'x-api-key' cannot be set", result.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    [Theory]
    [InlineData("../../admin")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("//evil.example/x")]
    [InlineData("%2e%2e/%2e%2e/admin")]
    public async Task Run_InputSteersPathOutsideConnection_FaultsWithoutCalling(string caseId)
    {
        // Arrange: the path template is safe, the run input is hostile.
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await ActionReceiver.StartAsync(ct);
        using var harness = new ActionHarness(ActionHarness.Connection(receiver));
        var config = ActionHarness.RefundConfig();
        config["pathTemplate"] = "{{input.caseId}}";

        // Act
        var result = await harness.Runner.StartAsync(harness.Compile(ActionHarness.Workflow(config)), "run-ssrf", ActionHarness.Input(caseId), ct);

        // Assert
        Assert.Equal(WorkflowRunStatus.Failed, result.Status);
        Assert.Contains("Node 'refund' failed: pathTemplate:", result.Error, StringComparison.Ordinal);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task Run_UnknownConnection_FaultsNamingIt()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await ActionReceiver.StartAsync(ct);
        using var harness = new ActionHarness(ActionHarness.Connection(receiver));
        var config = ActionHarness.RefundConfig();
        config["connection"] = "ledger";

        // Act
        var result = await harness.Runner.StartAsync(harness.Compile(ActionHarness.Workflow(config)), "run-unknown", ActionHarness.Input(), ct);

        // Assert
        Assert.Equal(WorkflowRunStatus.Failed, result.Status);
        Assert.Contains("connection 'ledger' is not configured", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecoverAsync_CrashAfterCallBeforeCheckpoint_ReSendsSameKeyAndReceiverAppliesOneEffect()
    {
        // Arrange: a run whose process died after the receiver applied the refund but before the action's checkpoint
        // leaves only the checkpoints written before the action; recovery re-runs the action.
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await ActionReceiver.StartAsync(ct);
        receiver.Then(receiver.Refund());
        var definition = ActionHarness.Workflow(ActionHarness.RefundConfig());
        using var first = new ActionHarness(ActionHarness.Connection(receiver));
        var full = await first.Runner.StartAsync(first.Compile(definition), "run-crash", ActionHarness.Input(), ct);
        var checkpoints = await first.Checkpoints.ListAsync("run-crash", ct);
        var beforeAction = new InMemoryRunCheckpointStore();
        foreach (var checkpoint in checkpoints.Take(1))
        {
            await beforeAction.SaveAsync("run-crash", checkpoint, ct);
        }

        using var recovered = new ActionHarness(ActionHarness.Connection(receiver), beforeAction);

        // Act
        var result = await recovered.Runner.RecoverAsync(recovered.Compile(definition), "run-crash", ActionHarness.Input(), _ => null, ct);

        // Assert
        Assert.True(full.Status == WorkflowRunStatus.Completed, full.Error);
        Assert.True(result.Status == WorkflowRunStatus.Completed, result.Error);
        Assert.Contains(recovered.Trace.For("run-crash"), e => e.Kind == TraceEventKinds.NodeInvoked && e.NodeId == "refund");
        Assert.Equal(2, receiver.Requests.Count);
        Assert.All(receiver.Requests, r => Assert.Equal("run-crash:refund:1", r.Headers["Idempotency-Key"]));
        Assert.Equal(1, Assert.Single(receiver.Effects).Value);
        Assert.Equal(full.Output!["refundId"]!.ToJsonString(), result.Output!["refundId"]!.ToJsonString());
    }

    [Fact]
    public async Task ShadowRun_Issue16_WorkflowWithAction_NotSentFollowsOkAndSendsNothing()
    {
        // Arrange: evaluations and live shadow runs must not repeat side effects at a receiver (refunds twice).
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = await ActionReceiver.StartAsync(ct);
        using var harness = new ActionHarness(ActionHarness.Connection(receiver));
        var shadow = new Designer.Runtime.Evaluations.ShadowRunner(harness.Services);
        var definition = ActionHarness.Workflow(ActionHarness.RefundConfig());

        // Act
        var result = await shadow.RunAsync(definition, Designer.Workflows.Serialization.ContentHash.Compute(definition), Guid.NewGuid().ToString(), ActionHarness.Input(), ct);

        // Assert
        Assert.True(result.Outcome == Designer.Runtime.Evaluations.ShadowOutcomes.Automated, result.Error);
        Assert.Equal("done", result.EndNode);
        Assert.Contains(result.Path, s => s.Node == "refund" && s.Port == "ok");
        Assert.Empty(receiver.Requests);
    }
}
