using Designer.Runtime.Execution;
using Designer.Runtime.HumanTasks;
using Designer.Runtime.Tracing;

namespace Designer.Runtime.Tests.Execution;

public sealed class DisputeTriageRunTests
{
    [Fact]
    public async Task StartAsync_LowRiskDispute_CompletesWithoutGate()
    {
        var fixture = new RuntimeFixture();
        var workflow = fixture.CompileDemo();

        var result = await fixture.Runner.StartAsync(workflow, "run-low", RuntimeFixture.LowRiskInput(), TestContext.Current.CancellationToken);

        Assert.True(result.Status == WorkflowRunStatus.Completed, result.Error);
        Assert.Equal("auto", result.EndNode);
        Assert.Null(result.PendingRequest);
        Assert.Equal(1, fixture.Inference.Calls);
    }

    [Fact]
    public async Task StartAsync_LowRiskDispute_TracesEachNodeOnceInOrderWithTimings()
    {
        var fixture = new RuntimeFixture();

        await fixture.Runner.StartAsync(fixture.CompileDemo(), "run-trace", RuntimeFixture.LowRiskInput(), TestContext.Current.CancellationToken);

        var completed = fixture.Trace.For("run-trace").Where(e => e.Kind == TraceEventKinds.NodeCompleted).ToList();
        Assert.Equal(["start", "similar", "risk", "policy", "auto"], completed.Select(e => e.NodeId));
        Assert.All(completed, e =>
        {
            Assert.NotNull(e.EndedAt);
            Assert.True(e.EndedAt >= e.StartedAt);
            Assert.NotNull(e.DurationMs);
            Assert.Equal(1, e.Attempt);
            Assert.Equal($"run-trace:{e.NodeId}:1", e.IdempotencyKey);
        });
        var invoked = fixture.Trace.For("run-trace").Where(e => e.Kind == TraceEventKinds.NodeInvoked).Select(e => e.NodeId);
        Assert.Equal(["start", "similar", "risk", "policy", "auto"], invoked);
    }

    [Fact]
    public async Task ResumeAsync_HighRiskDisputeApprovedInNewRunner_Completes()
    {
        var first = new RuntimeFixture();
        first.Inference.HighRisk = 0.9f;
        var waiting = await first.Runner.StartAsync(first.CompileDemo(), "run-high", RuntimeFixture.HighRiskInput(), TestContext.Current.CancellationToken);

        // A new compiler, runner and services sharing only the checkpoint store: as if a new process resumed it.
        var second = new RuntimeFixture();
        foreach (var checkpoint in await first.Checkpoints.ListAsync("run-high", TestContext.Current.CancellationToken))
        {
            await second.Checkpoints.SaveAsync("run-high", checkpoint, TestContext.Current.CancellationToken);
        }

        var decision = new HumanDecision("review", "approve", "alice", "Looks legitimate", new() { ["resolution"] = "refund" });
        var done = await second.Runner.ResumeAsync(second.CompileDemo(), "run-high", decision, TestContext.Current.CancellationToken);

        Assert.True(waiting.Status == WorkflowRunStatus.WaitingForHuman, waiting.Error);
        Assert.Equal("review", waiting.PendingRequest!.NodeId);
        Assert.Equal("approver", waiting.PendingRequest.AssigneeRole);
        Assert.Contains("fraud dispute of 6200 EUR", waiting.PendingRequest.Instructions, StringComparison.Ordinal);
        Assert.True(done.Status == WorkflowRunStatus.Completed, done.Error);
        Assert.Equal("analyst", done.EndNode);
        Assert.Equal("""{"decision":"approve","resolution":"refund"}""", done.Output!.ToJsonString());
        Assert.Equal(0, second.Inference.Calls);
    }
}
