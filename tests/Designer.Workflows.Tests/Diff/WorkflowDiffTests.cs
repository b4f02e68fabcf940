using System.Text.Json.Nodes;
using Designer.Workflows.Demo;
using Designer.Workflows.Diff;
using static Designer.Workflows.Tests.TestSupport.TestDefinitions;

namespace Designer.Workflows.Tests.Diff;

public sealed class WorkflowDiffTests
{
    [Fact]
    public void Compute_SameDefinition_IsEmpty()
    {
        // Arrange / Act
        var diff = WorkflowDiff.Compute(DemoWorkflows.DisputeTriage(), DemoWorkflows.DisputeTriage());

        // Assert
        Assert.True(diff.IsEmpty);
    }

    [Fact]
    public void Compute_NodeAddedAndRemoved_ListsSummaries()
    {
        // Arrange
        var to = DemoWorkflows.DisputeTriage();
        to.Nodes.RemoveAll(n => n.Id == "blocked");
        to.Nodes.Add(Node("notify", "end"));

        // Act
        var diff = WorkflowDiff.Compute(DemoWorkflows.DisputeTriage(), to);

        // Assert
        Assert.Equal(new NodeSummary("notify", "end", "notify"), Assert.Single(diff.NodesAdded));
        Assert.Equal(new NodeSummary("blocked", "end", "Blocked"), Assert.Single(diff.NodesRemoved));
        Assert.False(diff.IsEmpty);
    }

    [Fact]
    public void Compute_NodeMoved_ReportsOldAndNewPosition()
    {
        // Arrange
        var to = DemoWorkflows.DisputeTriage();
        to.NodeOf("risk").Position = new(500, 220);

        // Act
        var diff = WorkflowDiff.Compute(DemoWorkflows.DisputeTriage(), to);

        // Assert
        Assert.Equal(new NodeMove("risk", new(480, 200), new(500, 220)), Assert.Single(diff.NodesMoved));
        Assert.Empty(diff.NodesChanged);
    }

    [Fact]
    public void Compute_NestedConfigChange_ReportsJsonPath()
    {
        // Arrange
        var to = DemoWorkflows.DisputeTriage();
        to.NodeOf("policy").Config["rules"]![0]!["expression"] = "input.category === 'fraud' || input.amount > 9000";

        // Act
        var diff = WorkflowDiff.Compute(DemoWorkflows.DisputeTriage(), to);

        // Assert
        var change = Assert.Single(Assert.Single(diff.NodesChanged).Changes);
        Assert.Equal("config.rules[0].expression", change.Path);
        Assert.Equal("input.category === 'fraud'", change.Before!.GetValue<string>());
    }

    [Fact]
    public void Compute_ConfigKeyAddedAndScalarChanged_ReportsEachField()
    {
        // Arrange
        var to = DemoWorkflows.DisputeTriage();
        to.NodeOf("similar").Config["topK"] = 8;
        to.NodeOf("similar").Config["minScore"] = 0.3;
        to.NodeOf("similar").Name = "Past disputes";

        // Act
        var diff = WorkflowDiff.Compute(DemoWorkflows.DisputeTriage(), to);

        // Assert
        var changes = Assert.Single(diff.NodesChanged).Changes;
        Assert.Equal(["name", "config.minScore", "config.topK"], changes.Select(c => c.Path));
        Assert.Null(changes[1].Before);
    }

    [Fact]
    public void Compute_ArrayElementAppended_ReportsIndexPath()
    {
        // Arrange
        var to = DemoWorkflows.DisputeTriage();
        to.NodeOf("review").Config["editableFields"]!.AsArray().Add("notes");

        // Act
        var diff = WorkflowDiff.Compute(DemoWorkflows.DisputeTriage(), to);

        // Assert
        var change = Assert.Single(Assert.Single(diff.NodesChanged).Changes);
        Assert.Equal(("config.editableFields[1]", "notes"), (change.Path, change.After!.GetValue<string>()));
    }

    [Fact]
    public void Compute_EdgeRepointedUnderSameId_ReportsRemovedAndAdded()
    {
        // Arrange
        var to = DemoWorkflows.DisputeTriage();
        to.Edges.Single(e => e.Id == "e10").To = new("review", "in");
        to.Edges.Add(Edge("e99", "start", "next", "risk"));

        // Act
        var diff = WorkflowDiff.Compute(DemoWorkflows.DisputeTriage(), to);

        // Assert
        Assert.Equal(["e10", "e99"], diff.EdgesAdded.Select(e => e.Id).Order());
        Assert.Equal("blocked", Assert.Single(diff.EdgesRemoved).To.Node);
    }

    [Fact]
    public void Compute_NameAndDescriptionChanged_ReportsWorkflowChanges()
    {
        // Arrange
        var to = DemoWorkflows.DisputeTriage();
        to.Name = "Dispute triage v2";
        to.Description = null;

        // Act
        var diff = WorkflowDiff.Compute(DemoWorkflows.DisputeTriage(), to);

        // Assert
        Assert.Equal(["name", "description"], diff.WorkflowChanges.Select(c => c.Path));
        Assert.Null(diff.WorkflowChanges[1].After);
    }

    [Fact]
    public void Compute_KindChanged_ReportsKindField()
    {
        // Arrange
        var to = DemoWorkflows.DisputeTriage();
        to.NodeOf("auto").Kind = "condition";
        to.NodeOf("auto").Config = new JsonObject { ["expression"] = "true" };

        // Act
        var diff = WorkflowDiff.Compute(DemoWorkflows.DisputeTriage(), to);

        // Assert
        Assert.Equal(["kind", "config.expression"], Assert.Single(diff.NodesChanged).Changes.Select(c => c.Path));
    }
}
