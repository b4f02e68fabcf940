using System.Text.Json.Nodes;
using Designer.Web.Components.WorkflowDesigner.Editing;
using Designer.Workflows.Catalogue;

namespace Designer.Web.Tests.WorkflowDesigner;

public sealed class DraftEditorTests
{
    private readonly DraftEditor _editor = new(new WorkflowValidator(), NodeKindCatalogue.Default);

    public DraftEditorTests() => _editor.Load(DemoWorkflows.DisputeTriage(), "etag-1");

    [Fact]
    public void AddNode_Retrieval_UsesCatalogueDefaultsAndFreshId()
    {
        // Act
        var node = _editor.AddNode(NodeKinds.Retrieval, 10, 20)!;

        // Assert
        Assert.Equal("retrieval-10", node.Id);
        Assert.Equal(5, node.Config["topK"]!.GetValue<int>());
        Assert.Equal("hybrid", node.Config["mode"]!.GetValue<string>());
        Assert.True(_editor.IsDirty);
        Assert.Contains(_editor.Problems, p => p.NodeId == node.Id);
    }

    [Fact]
    public void AddNode_UnknownKind_ReturnsNullAndStaysClean()
    {
        Assert.Null(_editor.AddNode("teleport", 0, 0));
        Assert.False(_editor.IsDirty);
    }

    [Fact]
    public void Apply_MovedNode_UpdatesPositionAndRevision()
    {
        // Arrange
        var delta = Delta(nodes: [new DeltaNode("risk", "model", "Risk score", 500, 250, _editor.Find("risk")!.Config)]);

        // Act
        var changed = _editor.Apply(delta);

        // Assert
        Assert.True(changed);
        Assert.Equal(new NodePosition(500, 250), _editor.Find("risk")!.Position);
        Assert.Equal(1, _editor.Revision);
    }

    [Fact]
    public void Apply_SameState_ReportsNoChange()
    {
        var risk = _editor.Find("risk")!;

        var changed = _editor.Apply(Delta(nodes: [new DeltaNode("risk", risk.Kind, risk.Name, risk.Position.X, risk.Position.Y, (JsonObject)risk.Config.DeepClone())]));

        Assert.False(changed);
        Assert.False(_editor.IsDirty);
    }

    [Fact]
    public void Apply_RemovedNode_DropsItsEdgesAndReportsNewProblems()
    {
        // Act
        _editor.Apply(Delta(removedNodes: ["policy"]));

        // Assert
        Assert.Null(_editor.Find("policy"));
        Assert.DoesNotContain(_editor.Definition.Edges, e => e.From.Node == "policy" || e.To.Node == "policy");
        Assert.Contains(_editor.Problems, p => p.NodeId == "auto");
    }

    [Fact]
    public void Apply_NewEdge_AddsIt()
    {
        var edge = new CanvasEdge("x1", new PortRef("start", "next"), new PortRef("auto", "in"));

        _editor.Apply(Delta(edges: [edge]));

        Assert.Contains(_editor.Definition.Edges, e => e.Id == "x1" && e.To.Node == "auto");
    }

    [Fact]
    public void BadgeCounts_InvalidNode_CountsItsProblems()
    {
        var node = _editor.AddNode(NodeKinds.Policy, 0, 0)!;

        var (nodes, _) = _editor.BadgeCounts();

        Assert.Equal(_editor.Problems.Count(p => p.NodeId == node.Id), nodes[node.Id]);
    }

    [Fact]
    public void ToCanvas_Condition_HasOnePortPerCasePlusElse()
    {
        // Arrange
        var node = _editor.AddNode(NodeKinds.Condition, 0, 0)!;
        _editor.SetConfig(node.Id, new JsonObject { ["cases"] = new JsonArray(new JsonObject { ["port"] = "high", ["expression"] = "x > 1" }) });

        // Act
        var canvas = _editor.ToCanvas(_editor.Find(node.Id)!);

        // Assert
        Assert.Equal(["high", "else"], canvas.Outputs);
        Assert.Equal(["in"], canvas.Inputs);
        Assert.Equal("1 case", canvas.Summary);
    }

    private static GraphDelta Delta(
        IReadOnlyList<DeltaNode>? nodes = null, IReadOnlyList<CanvasEdge>? edges = null, IReadOnlyList<string>? removedNodes = null) =>
        new(nodes ?? [], edges ?? [], removedNodes ?? [], []);
}
