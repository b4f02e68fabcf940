using System.Text.Json.Nodes;
using Designer.Runtime.Execution;
using Designer.Runtime.Tracing;
using Designer.Workflows.Demo;

namespace Designer.Runtime.Tests.Execution;

public sealed class FaultAndPolicyTests
{
    [Fact]
    public async Task StartAsync_HostilePolicyRule_FaultsPolicyNodeWithClearMessage()
    {
        var fixture = new RuntimeFixture();
        var definition = DemoWorkflows.DisputeTriage();
        var policy = definition.Nodes.Single(n => n.Id == "policy");
        policy.Config["rules"]!.AsArray().Insert(0, new JsonObject
        {
            ["id"] = "spin",
            ["name"] = "Spins forever",
            ["expression"] = "(() => { while (true) { } })()",
            ["verdict"] = "block",
        });

        var result = await fixture.Runner.StartAsync(fixture.Compile(definition), "run-hostile", RuntimeFixture.LowRiskInput(), TestContext.Current.CancellationToken);

        Assert.Equal(WorkflowRunStatus.Failed, result.Status);
        Assert.Contains("Node 'policy' failed: rule 'spin': expression exceeded", result.Error, StringComparison.Ordinal);
        var failed = Assert.Single(fixture.Trace.For("run-hostile"), e => e.Kind == TraceEventKinds.NodeFailed);
        Assert.Equal("policy", failed.NodeId);
        Assert.Equal(result.Error, failed.Error);
    }

    [Fact]
    public async Task StartAsync_InputBreaksSchema_FailsStartListingEveryProblem()
    {
        var fixture = new RuntimeFixture();
        var input = RuntimeFixture.LowRiskInput();
        input["amount"] = -5;
        input["category"] = "bogus";
        input.Remove("merchant");

        var result = await fixture.Runner.StartAsync(fixture.CompileDemo(), "run-bad-input", input, TestContext.Current.CancellationToken);

        Assert.Equal(WorkflowRunStatus.Failed, result.Status);
        Assert.Contains("$.merchant: is required", result.Error, StringComparison.Ordinal);
        Assert.Contains("$.amount: must be at least 0", result.Error, StringComparison.Ordinal);
        Assert.Contains("$.category: must be one of", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, fixture.Inference.Calls);
    }

    [Fact]
    public async Task StartAsync_HighRiskDispute_PolicyFirstMatchingRuleDecides()
    {
        var fixture = new RuntimeFixture();
        fixture.Inference.HighRisk = 0.9f;

        await fixture.Runner.StartAsync(fixture.CompileDemo(), "run-verdict", RuntimeFixture.HighRiskInput(), TestContext.Current.CancellationToken);

        var verdict = Assert.Single(fixture.Trace.For("run-verdict"), e => e.Kind == TraceEventKinds.PolicyVerdict);
        Assert.Equal("review", verdict.Data!["verdict"]!.GetValue<string>());
        Assert.Equal("rule:fraud", verdict.Data["decidedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartAsync_PiiInInput_IsRedactedInEveryTraceEvent()
    {
        var fixture = new RuntimeFixture();
        fixture.Inference.HighRisk = 0.9f;

        await fixture.Runner.StartAsync(fixture.CompileDemo(), "run-pii", RuntimeFixture.HighRiskInput(), TestContext.Current.CancellationToken);

        var events = fixture.Trace.For("run-pii");
        var redaction = Assert.Single(events, e => e.Kind == TraceEventKinds.Redaction);
        Assert.Equal(1, redaction.Data!["detected"]!["input.description"]!["email"]!.GetValue<int>());
        Assert.Equal(1, redaction.Data["detected"]!["input.description"]!["phone"]!.GetValue<int>());
        var all = string.Join("\n", events.Select(e => System.Text.Json.JsonSerializer.Serialize(e)));
        Assert.DoesNotContain("jane.doe@example.com", all, StringComparison.Ordinal);
        Assert.DoesNotContain("7946", all, StringComparison.Ordinal);
        Assert.Contains("[email]", all, StringComparison.Ordinal);
    }
}
