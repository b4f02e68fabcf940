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

    [Fact]
    public void Compute_Issue18_CycleListedBeforeItsEntry_CutsTheEdgeThatGoesBackTowardsTheStart()
    {
        // Arrange: start → a → b → a, with the loop's nodes listed first (drafts list nodes in the order they were
        // added, not the order they run in).
        var definition = new WorkflowDefinition
        {
            Nodes = [new() { Id = "b" }, new() { Id = "a" }, new() { Id = "start" }],
            Edges =
            [
                new() { Id = "1", From = new("start", "next"), To = new("a", "in") },
                new() { Id = "2", From = new("a", "x"), To = new("b", "in") },
                new() { Id = "3", From = new("b", "retry"), To = new("a", "in") },
            ],
        };

        // Act
        var positions = AutoLayout.Compute(definition);

        // Assert: only the loop's returning edge (b → a) points left.
        Assert.True(positions["a"].X > positions["start"].X);
        Assert.True(positions["b"].X > positions["a"].X);
    }
}
