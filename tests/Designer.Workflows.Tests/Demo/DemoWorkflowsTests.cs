using Designer.Workflows.Demo;
using Designer.Workflows.Serialization;
using Designer.Workflows.Tests.TestSupport;
using Designer.Workflows.Validation;

namespace Designer.Workflows.Tests.Demo;

public sealed class DemoWorkflowsTests
{
    [Fact]
    public void DisputeTriage_Validate_HasNoProblems()
    {
        // Arrange
        var definition = DemoWorkflows.DisputeTriage();

        // Act
        var problems = new WorkflowValidator().Validate(definition);

        // Assert
        ProblemAssert.None(problems);
        Assert.Equal("Dispute triage", definition.Name);
    }

    [Fact]
    public void DisputeTriageJson_ParseAndValidate_IsWellFormedAndValid()
    {
        // Arrange
        var json = DemoWorkflows.DisputeTriageJson();

        // Act
        var parsed = WorkflowJson.Parse(json);

        // Assert
        Assert.True(parsed.IsWellFormed, string.Join("\n", parsed.Problems));
        ProblemAssert.None(new WorkflowValidator().Validate(parsed.Definition!));
        Assert.Equal(ContentHash.Compute(DemoWorkflows.DisputeTriage()), ContentHash.Compute(parsed.Definition!));
    }

    [Fact]
    public void WithStricterPolicy_Issue13_ValidatesAndLowersOnlyTheHighRiskThreshold()
    {
        // Arrange
        var v1 = DemoWorkflows.DisputeTriage();

        // Act
        var v2 = DemoWorkflows.WithStricterPolicy(DemoWorkflows.DisputeTriage());
        var rules = v2.Nodes.Single(n => n.Id == "policy").Config["rules"]!.AsArray();

        // Assert
        ProblemAssert.None(new WorkflowValidator().Validate(v2));
        Assert.Equal("nodes.risk.score > 0.16", rules.Single(r => r!["id"]!.GetValue<string>() == "high-risk")!["expression"]!.GetValue<string>());
        Assert.Equal(
            v1.Nodes.Where(n => n.Id != "policy").Select(n => n.Config.ToJsonString()),
            v2.Nodes.Where(n => n.Id != "policy").Select(n => n.Config.ToJsonString()));
        Assert.NotEqual(ContentHash.Compute(v1), ContentHash.Compute(v2));
    }

    [Fact]
    public void DisputeTriage_Nodes_CoverEveryKindButCondition()
    {
        // Arrange
        var definition = DemoWorkflows.DisputeTriage();

        // Act
        var kinds = definition.Nodes.Select(n => n.Kind).ToHashSet();

        // Assert
        Assert.Equal(["end", "humanGate", "model", "policy", "retrieval", "start"], kinds.Order());
    }

    [Fact]
    public void DisputeTriageWithRefund_Issue16_ConnectionApproved_ValidatesWithRefundBeforeAutoResolve()
    {
        // Arrange
        var definition = DemoWorkflows.DisputeTriageWithRefund();

        // Act
        var problems = new WorkflowValidator(new Connections(DemoWorkflows.RefundConnection)).Validate(definition);

        // Assert
        ProblemAssert.None(problems);
        Assert.Equal("Dispute triage", definition.Name);
        Assert.Equal("refund", Assert.Single(definition.Edges, e => e.From.Node == "policy" && e.From.Port == "pass").To.Node);
        Assert.Equal("auto", Assert.Single(definition.Edges, e => e.From.Node == "refund" && e.From.Port == "ok").To.Node);
        Assert.Equal(["client-error", "ok", "server-error", "timeout"], definition.Edges.Where(e => e.From.Node == "refund").Select(e => e.From.Port).Order());
    }

    [Fact]
    public void DisputeTriageWithRefund_Issue16_ConnectionNotApproved_OnlyTheConnectionIsAProblem()
    {
        // Arrange: why the seeder uses the plain workflow where demo-refunds is not configured.
        var definition = DemoWorkflows.DisputeTriageWithRefund();

        // Act
        var problems = new WorkflowValidator(new Connections()).Validate(definition);

        // Assert
        var problem = Assert.Single(problems);
        Assert.Equal("refund", problem.NodeId);
        Assert.Contains(DemoWorkflows.RefundConnection, problem.Message, StringComparison.Ordinal);
    }

    private sealed class Connections(params string[] known) : IWorkflowReferenceResolver
    {
        public bool? ModelExists(string model, int? version) => null;

        public bool? CollectionExists(string name) => null;

        public bool? ActionConnectionExists(string name) => known.Contains(name, StringComparer.Ordinal);
    }
}
