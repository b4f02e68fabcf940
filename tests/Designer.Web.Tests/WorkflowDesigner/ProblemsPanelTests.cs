using Bunit;
using Designer.Web.Components.WorkflowDesigner;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.WorkflowDesigner;

public sealed class ProblemsPanelTests : UiTestContext
{
    [Fact]
    public void Render_NoProblems_SaysDraftCanBeSubmitted()
    {
        var cut = Render<ProvidersHost>(p => p.AddChildContent<ProblemsPanel>());

        Assert.NotNull(cut.Find("[data-testid=no-problems]"));
    }

    [Fact]
    public void Click_Problem_RaisesItWithItsNode()
    {
        // Arrange
        ValidationProblem? clicked = null;
        IReadOnlyList<ValidationProblem> problems =
        [
            new("graph.noEnd", "The workflow needs at least one end node."),
            new("node.deadEnd", "Node 'a' has no outgoing edge.", NodeId: "a"),
        ];
        var cut = Render<ProvidersHost>(p => p.AddChildContent<ProblemsPanel>(c => c
            .Add(x => x.Problems, problems)
            .Add(x => x.ProblemClicked, (ValidationProblem v) => clicked = v)));

        // Act
        cut.Find("[data-testid=problem][data-node-id=a]").Click();

        // Assert
        Assert.Equal("a", clicked?.NodeId);
        Assert.Equal(2, cut.FindAll("[data-testid=problem]").Count);
        Assert.Contains("a: Node 'a' has no outgoing edge.", cut.Find("[data-testid=problem][data-node-id=a]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Issue18_ProblemNamesItsNodeByName()
    {
        // Arrange
        IReadOnlyList<ValidationProblem> problems = [new("node.deadEnd", "Node has no outgoing edge.", NodeId: "n7")];

        // Act
        var cut = Render<ProvidersHost>(p => p.AddChildContent<ProblemsPanel>(c => c
            .Add(x => x.Problems, problems)
            .Add(x => x.NodeNames, new Dictionary<string, string> { ["n7"] = "Risk score" })));

        // Assert
        Assert.Contains("Risk score: Node has no outgoing edge.", cut.Find("[data-testid=problem][data-node-id=n7]").TextContent, StringComparison.Ordinal);
    }
}
