using Bunit;
using Designer.Persistence;
using Designer.Web.Components.WorkflowDesigner;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.WorkflowDesigner;

/// <summary>Autosave meets a draft someone else saved meanwhile: the author chooses, nothing is lost silently.</summary>
public sealed class ConflictDialogTests : UiTestContext
{
    private const string MoveRisk = """{"reason":"move","nodes":[{"id":"risk","kind":"model","name":"Risk score","x":901,"y":99}],"edges":[],"removedNodes":[],"removedEdges":[]}""";

    [Fact]
    public async Task Overwrite_AfterOtherSave_StoresLocalEdits()
    {
        // Arrange
        var (id, cut) = await OpenWithConflictAsync();

        // Act
        cut.WaitForElement("[data-testid=conflict-overwrite]").Click();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("saved", cut.Find("[data-testid=save-status]").GetAttribute("data-state")));
        var stored = await StoredAsync(id);
        Assert.Equal(new NodePosition(901, 99), stored.Nodes.Single(n => n.Id == "risk").Position);
    }

    [Fact]
    public async Task ReloadTheirs_AfterOtherSave_LoadsTheirDraftIntoCanvas()
    {
        // Arrange
        var (id, cut) = await OpenWithConflictAsync();

        // Act
        cut.WaitForElement("[data-testid=conflict-reload]").Click();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(2, JSInterop.Invocations.Count(i => i.Identifier == "load")));
        Assert.Equal("saved", cut.Find("[data-testid=save-status]").GetAttribute("data-state"));
        Assert.Equal("Renamed by someone else", cut.Find("[data-testid=workflow-name]").TextContent);
        Assert.Equal("Renamed by someone else", (await StoredAsync(id)).Name);
    }

    [Fact]
    public async Task KeepEditing_AfterOtherSave_KeepsEditsUnsavedAndSaysSo()
    {
        // Arrange
        var (id, cut) = await OpenWithConflictAsync();

        // Act
        cut.WaitForElement("[data-testid=conflict-keep]").Click();

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=conflict-banner]")));
        Assert.Equal("conflict", cut.Find("[data-testid=save-status]").GetAttribute("data-state"));
        Assert.Equal("Renamed by someone else", (await StoredAsync(id)).Name);
        Assert.NotEqual(new NodePosition(901, 99), (await StoredAsync(id)).Nodes.Single(n => n.Id == "risk").Position);
    }

    private async Task<(Guid Id, IRenderedComponent<ProvidersHost> Cut)> OpenWithConflictAsync()
    {
        var id = await SeedWorkflowAsync("author-1");
        SignIn("author-1", "author");
        var cut = Render<ProvidersHost>(p => p.AddChildContent<DesignerWorkspace>(c => c
            .Add(x => x.WorkflowId, id)
            .Add(x => x.AutosaveDelay, TimeSpan.Zero)));
        cut.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations, i => i.Identifier == "load"));

        // Someone else saves first…
        var store = AppServices.GetRequiredService<IWorkflowStore>();
        var draft = (await store.GetDraftAsync(id, CancellationToken.None))!;
        var theirs = WorkflowJson.Parse(draft.DefinitionJson).Definition!;
        theirs.Name = "Renamed by someone else";
        await store.SaveDraftAsync(id, WorkflowJson.Serialize(theirs), draft.ETag, new Actor("author-2", "author-2@demo.local"), CancellationToken.None);

        // …then this author's gesture autosaves with the stale ETag.
        await cut.InvokeAsync(() => cut.FindComponent<DesignerCanvas>().Instance.OnGraphChanged(MoveRisk));
        return (id, cut);
    }

    private async Task<WorkflowDefinition> StoredAsync(Guid id)
    {
        var draft = await AppServices.GetRequiredService<IWorkflowStore>().GetDraftAsync(id, CancellationToken.None);
        return WorkflowJson.Parse(draft!.DefinitionJson).Definition!;
    }
}
