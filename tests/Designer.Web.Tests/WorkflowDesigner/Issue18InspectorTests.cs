using System.Text.Json.Nodes;
using Bunit;
using Designer.Web.Components.WorkflowDesigner;
using Designer.Web.Components.WorkflowDesigner.Editing;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.WorkflowDesigner;

/// <summary>Issue 18: inspector fields a first-time user edited and lost.</summary>
public sealed class Issue18InspectorTests : UiTestContext
{
    private JsonObject? _changed;

    [Theory]
    [InlineData("retrieval", "top-k", "topK", "7", "top 7")]
    [InlineData("humanGate", "sla-minutes", "slaMinutes", "45", "SLA 45 min")]
    public void NumberField_Issue18_EditedValueStaysShownAndSummarised(string kind, string field, string key, string value, string summary)
    {
        // Arrange
        var node = new NodeDefinition { Id = "n1", Kind = kind, Name = kind, Config = [] };
        var cut = Render<Inspector>(c => c
            .Add(x => x.Node, node)
            .Add(x => x.ConfigEdited, (NodeConfigEdit e) => _changed = e.Config));

        // Act: the workspace hands the edited config back, as after Tab.
        cut.Find($"[data-testid={field}] input, input[data-testid={field}]").Change(value);
        var edited = new NodeDefinition { Id = node.Id, Kind = node.Kind, Name = node.Name, Config = _changed! };
        cut.Render(c => c.Add(x => x.Node, edited));

        // Assert
        Assert.Equal(value, _changed![key]!.ToJsonString());
        Assert.Equal(value, cut.Find($"[data-testid={field}] input, input[data-testid={field}]").GetAttribute("value"));
        Assert.Contains(summary, NodeSummaries.For(edited), StringComparison.Ordinal);
    }

    [Fact]
    public void Name_Issue18_OverTheLimitIsNotAppliedAndSaysWhy()
    {
        // Arrange
        NodeRename? renamed = null;
        NodeFieldProblem? problem = null;
        var node = new NodeDefinition { Id = "n1", Kind = "end", Name = "Done", Config = [] };
        var cut = Render<ProvidersHost>(p => p.AddChildContent<Inspector>(c => c
            .Add(x => x.Node, node)
            .Add(x => x.Renamed, (NodeRename r) => renamed = r)
            .Add(x => x.FieldProblem, (NodeFieldProblem f) => problem = f)));

        // Act
        Input(cut, "node-name").Change(new string('x', WorkflowLimits.MaxNameLength + 1));

        // Assert
        Assert.Null(renamed);
        Assert.Equal(new NodeFieldProblem("n1", "Name", Inspector.NameProblem(new string('x', WorkflowLimits.MaxNameLength + 1))), problem);
        Assert.Contains($"At most {WorkflowLimits.MaxNameLength} characters", cut.Find("[data-testid=inspector]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void PayloadFilter_Issue18_InvalidJsonIsReportedAsUnappliedInPlainWords()
    {
        // Arrange
        NodeFieldProblem? problem = null;
        var node = new NodeDefinition { Id = "r1", Kind = "retrieval", Name = "Similar", Config = [] };
        var cut = Render<ProvidersHost>(p => p.AddChildContent<Inspector>(c => c
            .Add(x => x.Node, node)
            .Add(x => x.ConfigEdited, (NodeConfigEdit e) => _changed = e.Config)
            .Add(x => x.FieldProblem, (NodeFieldProblem f) => problem = f)));

        // Act
        cut.Find("textarea[data-testid=filter]").Change("{\"category\": fraud}");

        // Assert
        Assert.Null(_changed);
        Assert.Equal("r1", problem!.NodeId);
        Assert.Equal("Payload filter", problem.Field);
        Assert.Contains("line 1", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("is an invalid start of a value", cut.Markup, StringComparison.Ordinal);
    }

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<ProvidersHost> cut, string testId) =>
        cut.Find($"[data-testid={testId}] input, input[data-testid={testId}]");
}
