using System.Text.Json;
using Bunit;
using Designer.Persistence;
using Designer.Web.Components.WorkflowDesigner;
using Designer.Web.Components.WorkflowDesigner.Editing;
using Designer.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.WorkflowDesigner;

/// <summary>
/// The workspace over real services with the canvas module emulated: asserts the interop calls it makes and what
/// the module's callbacks do to the model and the stored draft.
/// </summary>
public sealed class DesignerWorkspaceTests : UiTestContext
{
    [Fact]
    public async Task Render_Draft_LoadsEveryNodeIntoTheCanvas()
    {
        // Arrange
        var id = await SeedWorkflowAsync("author-1");
        SignIn("author-1", "author");

        // Act
        var cut = RenderWorkspace(id);

        // Assert
        var load = WaitForCall(cut, "load");
        var document = Assert.IsType<CanvasDocument>(load.Arguments[0]);
        Assert.Equal(9, document.Nodes.Count);
        Assert.Equal(18, document.Edges.Count);
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "create");
    }

    [Fact]
    public async Task Render_Prerendering_ShowsProgressWithoutLoadingTheDraft()
    {
        // Arrange
        var id = await SeedWorkflowAsync("author-1");
        SignIn("author-1", "author");
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        // Act
        var cut = RenderWorkspace(id);

        // Assert
        Assert.NotEmpty(cut.FindAll(".mud-progress-linear"));
        Assert.Empty(cut.FindAll("[data-testid=designer]"));
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier is "create" or "load");
    }

    [Fact]
    public async Task NodeDropped_Kind_AddsNodeToModelAndCanvasAndAutosaves()
    {
        // Arrange
        var id = await SeedWorkflowAsync("author-1");
        SignIn("author-1", "author");
        var cut = RenderWorkspace(id);
        WaitForCall(cut, "load");

        // Act
        await cut.InvokeAsync(() => CanvasOf(cut).OnNodeDropped("retrieval", 100, 200));

        // Assert
        var added = Assert.IsType<CanvasNode>(WaitForCall(cut, "addNode").Arguments[0]);
        Assert.Equal("retrieval", added.Kind);
        Assert.Equal(["found", "empty"], added.Outputs);
        cut.WaitForAssertion(() => Assert.Equal("saved", cut.Find("[data-testid=save-status]").GetAttribute("data-state")));
        Assert.Contains(await StoredDraftAsync(id), n => n.Id == added.Id);
        Assert.Equal("retrieval-form", cut.Find("[data-testid=inspector] [data-testid=retrieval-form]").GetAttribute("data-testid"));
    }

    [Fact]
    public async Task GraphChanged_MovedNode_SavesNewPositionOnce()
    {
        // Arrange
        var id = await SeedWorkflowAsync("author-1");
        SignIn("author-1", "author");
        var cut = RenderWorkspace(id);
        WaitForCall(cut, "load");
        var delta = """{"reason":"move","nodes":[{"id":"risk","kind":"model","name":"Risk score","x":777,"y":333}],"edges":[],"removedNodes":[],"removedEdges":[]}""";

        // Act
        await cut.InvokeAsync(() => CanvasOf(cut).OnGraphChanged(delta));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("saved", cut.Find("[data-testid=save-status]").GetAttribute("data-state")));
        Assert.Equal(new NodePosition(777, 333), (await StoredDraftAsync(id)).Single(n => n.Id == "risk").Position);
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "setBadges");
    }

    [Fact]
    public async Task ProblemClicked_NodeProblem_SelectsNodeOnCanvas()
    {
        // Arrange
        var id = await SeedWorkflowAsync("author-1");
        SignIn("author-1", "author");
        var cut = RenderWorkspace(id);
        WaitForCall(cut, "load");
        await cut.InvokeAsync(() => CanvasOf(cut).OnNodeDropped("policy", 0, 0));
        cut.FindAll("[role=tab]")[1].Click();

        // Act
        cut.WaitForElement("[data-testid=problem][data-node-id=policy-10]").Click();

        // Assert
        var select = WaitForCall(cut, "select");
        Assert.Equal(["policy-10"], Assert.IsAssignableFrom<IReadOnlyList<string>>(select.Arguments[0]));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=policy-form]")));
    }

    [Fact]
    public async Task Toolbar_UndoAndLayout_CallTheCanvas()
    {
        // Arrange
        var id = await SeedWorkflowAsync("author-1");
        SignIn("author-1", "author");
        var cut = RenderWorkspace(id);
        WaitForCall(cut, "load");
        await cut.InvokeAsync(() => CanvasOf(cut).OnHistoryChanged(true, false));

        // Act
        cut.Find("[data-testid=undo]").Click();
        cut.Find("[data-testid=layout]").Click();

        // Assert
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "undo");
        var layout = WaitForCall(cut, "applyLayout");
        Assert.Equal(9, Assert.IsAssignableFrom<IReadOnlyDictionary<string, NodePosition>>(layout.Arguments[0]).Count);
        Assert.True(cut.Find("[data-testid=redo]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Render_Viewer_CanvasReadOnlyWithoutEditingTools()
    {
        // Arrange
        var id = await SeedWorkflowAsync("author-1");
        SignIn("viewer-1", "viewer");

        // Act
        var cut = RenderWorkspace(id);

        // Assert
        WaitForCall(cut, "load");
        var create = JSInterop.Invocations.First(i => i.Identifier == "create");
        Assert.Contains("\"readOnly\":true", JsonSerializer.Serialize(create.Arguments[2]), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=submit]"));
        Assert.All(cut.FindAll("[data-testid=palette-item]"), i => Assert.Equal("false", i.GetAttribute("draggable")));
    }

    [Fact]
    public async Task Submit_InvalidDraft_ListsProblemsAndCreatesNoVersion()
    {
        // Arrange
        var id = await SeedWorkflowAsync("author-1");
        SignIn("author-1", "author");
        var cut = RenderWorkspace(id);
        WaitForCall(cut, "load");
        await cut.InvokeAsync(() => CanvasOf(cut).OnNodeDropped("model", 0, 0));

        // Act
        cut.Find("[data-testid=submit]").Click();

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=problem][data-node-id=model-10]")));
        var versions = await AppServices.GetRequiredService<IWorkflowStore>().ListVersionsAsync(id, 1, 10, CancellationToken.None);
        Assert.Equal(0, versions.Total);
    }

    private IRenderedComponent<ProvidersHost> RenderWorkspace(Guid id) =>
        Render<ProvidersHost>(p => p.AddChildContent<DesignerWorkspace>(c => c
            .Add(x => x.WorkflowId, id)
            .Add(x => x.AutosaveDelay, TimeSpan.Zero)));

    /// <summary>Waits for the canvas to receive a call (the module's calls are recorded with the others).</summary>
    private JSRuntimeInvocation WaitForCall(IRenderedComponent<ProvidersHost> cut, string identifier)
    {
        cut.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations, i => i.Identifier == identifier));
        return JSInterop.Invocations.Last(i => i.Identifier == identifier);
    }

    private static DesignerCanvas CanvasOf(IRenderedComponent<ProvidersHost> cut) => cut.FindComponent<DesignerCanvas>().Instance;

    private async Task<List<NodeDefinition>> StoredDraftAsync(Guid id)
    {
        var draft = await AppServices.GetRequiredService<IWorkflowStore>().GetDraftAsync(id, CancellationToken.None);
        return WorkflowJson.Parse(draft!.DefinitionJson).Definition!.Nodes;
    }
}
