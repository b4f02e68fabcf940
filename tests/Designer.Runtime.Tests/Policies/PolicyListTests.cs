using System.Text.Json.Nodes;
using Designer.Runtime.Execution;
using Designer.Runtime.Tracing;
using Designer.Workflows.Demo;

namespace Designer.Runtime.Tests.Policies;

public sealed class PolicyListTests
{
    [Theory]
    [InlineData("Maple Books", "block", "denyList")]
    [InlineData("Atlas Electronics", "pass", "allowList")]
    public async Task StartAsync_MerchantOnList_ListDecidesBeforeRules(string merchant, string verdict, string decidedBy)
    {
        var fixture = new RuntimeFixture();
        var definition = DemoWorkflows.DisputeTriage();
        var policy = definition.Nodes.Single(n => n.Id == "policy");
        policy.Config["listField"] = "input.merchant";
        policy.Config["denyList"] = new JsonArray("Maple Books");
        policy.Config["allowList"] = new JsonArray("Atlas Electronics");
        var input = RuntimeFixture.LowRiskInput();
        input["merchant"] = merchant;
        input["category"] = "fraud";

        await fixture.Runner.StartAsync(fixture.Compile(definition), "run-list", input, TestContext.Current.CancellationToken);

        var evt = Assert.Single(fixture.Trace.For("run-list"), e => e.Kind == TraceEventKinds.PolicyVerdict);
        Assert.Equal(verdict, evt.Data!["verdict"]!.GetValue<string>());
        Assert.Equal(decidedBy, evt.Data["decidedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartAsync_NoRuleMatches_VerdictIsReview()
    {
        var fixture = new RuntimeFixture();
        var definition = DemoWorkflows.DisputeTriage();
        var rules = definition.Nodes.Single(n => n.Id == "policy").Config["rules"]!.AsArray();
        rules.RemoveAt(rules.Count - 1);

        var result = await fixture.Runner.StartAsync(fixture.Compile(definition), "run-nomatch", RuntimeFixture.LowRiskInput(), TestContext.Current.CancellationToken);

        Assert.Equal(WorkflowRunStatus.WaitingForHuman, result.Status);
        var evt = Assert.Single(fixture.Trace.For("run-nomatch"), e => e.Kind == TraceEventKinds.PolicyVerdict);
        Assert.Equal("noMatch", evt.Data!["decidedBy"]!.GetValue<string>());
    }
}
