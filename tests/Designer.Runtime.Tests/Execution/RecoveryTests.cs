using Designer.Runtime.Execution;
using Designer.Runtime.HumanTasks;
using Designer.Runtime.Tracing;

namespace Designer.Runtime.Tests.Execution;

/// <summary>
/// A process that dies after its k-th checkpoint leaves exactly the first k checkpoints behind; recovery in a new
/// runner must finish the run, re-running only the nodes the newest checkpoint does not hold, with the same keys.
/// </summary>
public sealed class RecoveryTests
{
    private static readonly string[] LowRiskPath = ["start", "similar", "risk", "policy", "auto"];

    [Fact]
    public async Task RecoverAsync_FromEveryCheckpointPrefix_CompletesAndReRunsOnlyUncommittedNodesWithSameKeys()
    {
        // Arrange: one uninterrupted run gives the checkpoints a dying process would have written.
        var ct = TestContext.Current.CancellationToken;
        var original = new RuntimeFixture();
        var full = await original.Runner.StartAsync(original.CompileDemo(), "run-k", RuntimeFixture.LowRiskInput(), ct);
        var checkpoints = await original.Checkpoints.ListAsync("run-k", ct);
        Assert.True(full.Status == WorkflowRunStatus.Completed, full.Error);
        Assert.True(checkpoints.Count >= 3, $"expected a checkpoint per superstep, got {checkpoints.Count}");

        for (var kept = 0; kept <= checkpoints.Count; kept++)
        {
            var recovered = new RuntimeFixture();
            foreach (var checkpoint in checkpoints.Take(kept))
            {
                await recovered.Checkpoints.SaveAsync("run-k", checkpoint, ct);
            }

            // Act
            var result = await recovered.Runner.RecoverAsync(recovered.CompileDemo(), "run-k", RuntimeFixture.LowRiskInput(), _ => null, ct);

            // Assert: same outcome; the re-run nodes are a suffix of the path, each once, with attempt-1 keys.
            Assert.True(result.Status == WorkflowRunStatus.Completed, $"kept {kept}: {result.Error}");
            Assert.Equal(full.EndNode, result.EndNode);
            Assert.Equal(full.Output!.ToJsonString(), result.Output!.ToJsonString());
            var invoked = recovered.Trace.For("run-k").Where(e => e.Kind == TraceEventKinds.NodeInvoked).ToList();
            Assert.Equal(LowRiskPath[^invoked.Count..], invoked.Select(e => e.NodeId));
            Assert.All(invoked, e => Assert.Equal($"run-k:{e.NodeId}:1", e.IdempotencyKey));
            if (kept == checkpoints.Count)
            {
                // The newest checkpoint of a finished run has no work left: the end node re-runs from the one before.
                Assert.Equal([LowRiskPath[^1]], invoked.Select(e => e.NodeId));
            }
            else if (kept == 0)
            {
                Assert.Equal(LowRiskPath, invoked.Select(e => e.NodeId));
            }
        }
    }

    [Fact]
    public async Task RecoverAsync_DecidedGateNotYetApplied_AppliesStoredDecisionAndCompletes()
    {
        // Arrange: the run waits at the review gate; the decision was stored but the process died before resuming.
        var ct = TestContext.Current.CancellationToken;
        var fixture = new RuntimeFixture();
        fixture.Inference.HighRisk = 0.9f;
        var waiting = await fixture.Runner.StartAsync(fixture.CompileDemo(), "run-g", RuntimeFixture.HighRiskInput(), ct);
        var asked = new List<string>();
        HumanDecision? Stored(HumanGateRequest request)
        {
            asked.Add(request.IdempotencyKey);
            return new HumanDecision(request.NodeId, "reject", "bob", "not enough evidence", null);
        }

        // Act
        var done = await fixture.Runner.RecoverAsync(fixture.CompileDemo(), "run-g", RuntimeFixture.HighRiskInput(), Stored, ct);

        // Assert
        Assert.True(waiting.Status == WorkflowRunStatus.WaitingForHuman, waiting.Error);
        Assert.True(done.Status == WorkflowRunStatus.Completed, done.Error);
        Assert.Equal(["run-g:review:1"], asked);
        Assert.Equal("reject", done.Output!["decision"]!.GetValue<string>());
    }

    [Fact]
    public async Task RecoverAsync_UndecidedGate_WaitsAgainForTheSameRequest()
    {
        var ct = TestContext.Current.CancellationToken;
        var fixture = new RuntimeFixture();
        fixture.Inference.HighRisk = 0.9f;
        var waiting = await fixture.Runner.StartAsync(fixture.CompileDemo(), "run-w", RuntimeFixture.HighRiskInput(), ct);

        var again = await fixture.Runner.RecoverAsync(fixture.CompileDemo(), "run-w", RuntimeFixture.HighRiskInput(), _ => null, ct);

        Assert.Equal(WorkflowRunStatus.WaitingForHuman, again.Status);
        Assert.Equal(waiting.PendingRequest!.IdempotencyKey, again.PendingRequest!.IdempotencyKey);
    }
}
