using Designer.Web.Components.WorkflowDesigner.Editing;

namespace Designer.Web.Tests.WorkflowDesigner;

public sealed class AutoLayoutTests
{
    [Fact]
    public void Compute_DemoWorkflow_EverySuccessorRightOfItsSource()
    {
        // Arrange
        var definition = DemoWorkflows.DisputeTriage();

        // Act
        var positions = AutoLayout.Compute(definition);

        // Assert
        Assert.Equal(definition.Nodes.Count, positions.Count);
        Assert.All(definition.Edges, e => Assert.True(positions[e.To.Node].X > positions[e.From.Node].X, e.Id));
        Assert.Equal(positions.Count, positions.Values.Distinct().Count());
    }

    [Fact]
    public void Compute_Cycle_Terminates()
    {
        var definition = new WorkflowDefinition
        {
            Nodes = [new() { Id = "a" }, new() { Id = "b" }],
            Edges = [new() { Id = "1", From = new("a", "x"), To = new("b", "in") }, new() { Id = "2", From = new("b", "x"), To = new("a", "in") }],
        };

        var positions = AutoLayout.Compute(definition);

        Assert.True(positions["b"].X > positions["a"].X);
    }
}
