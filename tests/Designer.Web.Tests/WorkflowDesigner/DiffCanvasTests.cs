using Designer.Web.Components.WorkflowDesigner.Editing;
using Designer.Workflows.Diff;

namespace Designer.Web.Tests.WorkflowDesigner;

public sealed class DiffCanvasTests
{
    [Fact]
    public void Build_AddedRemovedChanged_MarksEachAndKeepsRemovedNodes()
    {
        // Arrange
        var before = DemoWorkflows.DisputeTriage();
        var after = DemoWorkflows.DisputeTriage();
        after.Nodes.RemoveAll(n => n.Id == "blocked");
        after.Edges.RemoveAll(e => e.To.Node == "blocked");
        after.Nodes.Find(n => n.Id == "risk")!.Config["minConfidence"] = 0.9;
        after.Nodes.Add(new NodeDefinition { Id = "extra", Kind = "end", Name = "Extra", Config = [] });

        // Act
        var diff = DiffCanvas.Build(before, after, WorkflowDiff.Compute(before, after));

        // Assert
        Assert.Equal(DiffCanvas.Added, diff.NodeStates["extra"]);
        Assert.Equal(DiffCanvas.Removed, diff.NodeStates["blocked"]);
        Assert.Equal(DiffCanvas.Changed, diff.NodeStates["risk"]);
        Assert.Equal(DiffCanvas.Removed, diff.EdgeStates["e10"]);
        Assert.Contains(diff.Merged.Nodes, n => n.Id == "blocked");
        Assert.Contains(diff.Merged.Edges, e => e.Id == "e10");
    }
}
