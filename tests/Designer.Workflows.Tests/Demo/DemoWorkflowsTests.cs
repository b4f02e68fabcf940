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
    public void DisputeTriage_Nodes_CoverEveryKindButCondition()
    {
        // Arrange
        var definition = DemoWorkflows.DisputeTriage();

        // Act
        var kinds = definition.Nodes.Select(n => n.Kind).ToHashSet();

        // Assert
        Assert.Equal(["end", "humanGate", "model", "policy", "retrieval", "start"], kinds.Order());
    }
}
