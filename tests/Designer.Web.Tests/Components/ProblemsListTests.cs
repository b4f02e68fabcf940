using Bunit;
using Designer.Hosting;
using Designer.Web.Components.Shared;
using MudBlazor.Services;

namespace Designer.Web.Tests.Components;

public sealed class ProblemsListTests : BunitContext
{
    [Fact]
    public void Render_Problems_ShowsEachWithItsNode()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        IReadOnlyList<OperationProblem> problems =
        [
            new("node.unknownKind", "Unknown kind 'teleport'.", NodeId: "x"),
            new("edge.danglingTarget", "Edge e1 points nowhere.", EdgeId: "e1"),
        ];

        var cut = Render<ProblemsList>(p => p.Add(c => c.Problems, problems));

        var items = cut.FindAll("[data-testid=problem]");
        Assert.Equal(2, items.Count);
        Assert.Equal("x", items[0].GetAttribute("data-node-id"));
        Assert.Contains("node x", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("edge e1", cut.FindAll("[data-testid=problem]")[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoProblems_ShowsEmptyText()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();

        var cut = Render<ProblemsList>(p => p.Add(c => c.Problems, []).Add(c => c.EmptyText, "All good."));

        Assert.Contains("All good.", cut.Find("[data-testid=no-problems]").TextContent, StringComparison.Ordinal);
    }
}
