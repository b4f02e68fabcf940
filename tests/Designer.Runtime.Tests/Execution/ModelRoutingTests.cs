using Designer.Runtime.Execution;
using Designer.Runtime.Tracing;
using Microsoft.Extensions.Time.Testing;

namespace Designer.Runtime.Tests.Execution;

public sealed class ModelRoutingTests
{
    [Fact]
    public async Task StartAsync_ModelOutlivesSlo_FollowsDegradedToGate()
    {
        // Real clock: the 250 ms SLO timer cancels a call that never returns; nothing here measures speed.
        var fixture = new RuntimeFixture(TimeProvider.System);
        fixture.Inference.Hang = true;

        var result = await fixture.Runner.StartAsync(fixture.CompileDemo(), "run-slo", RuntimeFixture.LowRiskInput(), TestContext.Current.CancellationToken);

        Assert.Equal(WorkflowRunStatus.WaitingForHuman, result.Status);
        var risk = Assert.Single(fixture.Trace.For("run-slo"), e => e.Kind == TraceEventKinds.NodeCompleted && e.NodeId == "risk");
        Assert.Equal("degraded", risk.Port);
        var breach = Assert.Single(fixture.Trace.For("run-slo"), e => e.Kind == TraceEventKinds.SloBreach);
        Assert.Equal("timeout", breach.Data!["reason"]!.GetValue<string>());
        Assert.Equal(250, breach.Data["sloMs"]!.GetValue<double>());
        Assert.Equal(0.0004m, risk.Cost);
    }

    [Fact]
    public async Task StartAsync_ModelReturnsAfterSlo_FollowsDegradedWithMeasuredLatency()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        var fixture = new RuntimeFixture(time);
        fixture.Inference.DuringCall = () => time.Advance(TimeSpan.FromMilliseconds(400));

        await fixture.Runner.StartAsync(fixture.CompileDemo(), "run-measured", RuntimeFixture.LowRiskInput(), TestContext.Current.CancellationToken);

        var breach = Assert.Single(fixture.Trace.For("run-measured"), e => e.Kind == TraceEventKinds.SloBreach);
        Assert.Equal("measured", breach.Data!["reason"]!.GetValue<string>());
        Assert.Equal(400, breach.Data["latencyMs"]!.GetValue<double>());
        var risk = Assert.Single(fixture.Trace.For("run-measured"), e => e.Kind == TraceEventKinds.NodeCompleted && e.NodeId == "risk");
        Assert.Equal("degraded", risk.Port);
    }

    [Fact]
    public async Task StartAsync_ConfidenceBelowMinimum_FollowsLowConfidence()
    {
        var fixture = new RuntimeFixture();
        fixture.Inference.HighRisk = 0.45f;

        var result = await fixture.Runner.StartAsync(fixture.CompileDemo(), "run-unsure", RuntimeFixture.LowRiskInput(), TestContext.Current.CancellationToken);

        Assert.Equal(WorkflowRunStatus.WaitingForHuman, result.Status);
        var low = Assert.Single(fixture.Trace.For("run-unsure"), e => e.Kind == TraceEventKinds.LowConfidence);
        Assert.Equal(0.6, low.Data!["minConfidence"]!.GetValue<double>());
        var risk = Assert.Single(fixture.Trace.For("run-unsure"), e => e.Kind == TraceEventKinds.NodeCompleted && e.NodeId == "risk");
        Assert.Equal("low-confidence", risk.Port);
    }

    [Fact]
    public async Task StartAsync_ModelThrows_FollowsErrorPort()
    {
        var fixture = new RuntimeFixture();
        fixture.Inference.Throw = new InvalidOperationException("model offline");

        var result = await fixture.Runner.StartAsync(fixture.CompileDemo(), "run-error", RuntimeFixture.LowRiskInput(), TestContext.Current.CancellationToken);

        Assert.Equal(WorkflowRunStatus.WaitingForHuman, result.Status);
        var risk = Assert.Single(fixture.Trace.For("run-error"), e => e.Kind == TraceEventKinds.NodeCompleted && e.NodeId == "risk");
        Assert.Equal("error", risk.Port);
        Assert.Equal("model offline", risk.Output!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartAsync_RetrievalHits_AreEvidenceAndQueryIsRendered()
    {
        var fixture = new RuntimeFixture();

        await fixture.Runner.StartAsync(fixture.CompileDemo(), "run-evidence", RuntimeFixture.LowRiskInput(), TestContext.Current.CancellationToken);

        var request = Assert.Single(fixture.Search.Requests);
        Assert.Equal("The book arrived with a torn cover.", request.Query);
        Assert.Equal("run-evidence:similar:1", request.IdempotencyKey);
        var similar = Assert.Single(fixture.Trace.For("run-evidence"), e => e.Kind == TraceEventKinds.NodeCompleted && e.NodeId == "similar");
        Assert.Equal("found", similar.Port);
        Assert.Equal(2, similar.Data!["evidence"]!.AsArray().Count);
    }
}
