using Bunit;
using Designer.Persistence;
using Designer.Web.Components.WorkflowDesigner;
using Designer.Web.Components.WorkflowDesigner.Editing;
using Designer.Web.Tests.Infrastructure;
using Designer.Workflows.Elsa;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.WorkflowDesigner;

/// <summary>The toolbar's import (ours and Elsa 3) and export, with the canvas module emulated.</summary>
public sealed class ImportExportTests : UiTestContext
{
    [Fact]
    public async Task Import_ElsaFlowchart_ReplacesCanvasAndAutosavesDraft()
    {
        // Arrange: an Elsa 3 export of a two-node workflow, imported over the demo draft.
        var id = await SeedWorkflowAsync("author-1");
        SignIn("author-1", "author");
        var cut = RenderWorkspace(id);
        cut.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations, i => i.Identifier == "load"));
        var small = new WorkflowDefinition
        {
            Name = "Small",
            Nodes =
            [
                new NodeDefinition { Id = "start", Kind = "start", Name = "Start", Config = [] },
                new NodeDefinition { Id = "end", Kind = "end", Name = "End", Position = new NodePosition(300, 0), Config = [] },
            ],
            Edges = [new EdgeDefinition { Id = "e1", From = new PortRef("start", "next"), To = new PortRef("end", "in") }],
        };
        var elsa = ElsaFlowchartConverter.Export(small, "small");

        // Act
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(elsa, "small.elsa.json"));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(2, LastLoad().Nodes.Count));
        Assert.Single(LastLoad().Edges);
        cut.WaitForAssertion(() => Assert.Equal("saved", cut.Find("[data-testid=save-status]").GetAttribute("data-state")));
        var draft = await AppServices.GetRequiredService<IWorkflowStore>().GetDraftAsync(id, CancellationToken.None);
        Assert.Equal(["start", "end"], WorkflowJson.Parse(draft!.DefinitionJson).Definition!.Nodes.Select(n => n.Id));
    }

    [Fact]
    public async Task Import_Malformed_SaysSoAndKeepsDraft()
    {
        // Arrange
        var id = await SeedWorkflowAsync("author-1");
        SignIn("author-1", "author");
        var cut = RenderWorkspace(id);
        cut.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations, i => i.Identifier == "load"));
        var loads = JSInterop.Invocations.Count(i => i.Identifier == "load");

        // Act
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("{ not json", "broken.json"));

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("Could not import broken.json", cut.Markup, StringComparison.Ordinal));
        Assert.Equal(loads, JSInterop.Invocations.Count(i => i.Identifier == "load"));
        Assert.Equal("saved", cut.Find("[data-testid=save-status]").GetAttribute("data-state"));
    }

    [Theory]
    [InlineData("export-json", "dispute-triage.json", "\"schemaVersion\"")]
    [InlineData("export-elsa", "dispute-triage.elsa.json", "Elsa.Flowchart")]
    public async Task Export_FromToolbar_DownloadsDocument(string item, string fileName, string marker)
    {
        // Arrange
        var id = await SeedWorkflowAsync("author-1");
        SignIn("viewer-1", "viewer");
        var cut = RenderWorkspace(id);
        cut.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations, i => i.Identifier == "load"));

        // Act
        cut.Find("[data-testid=export-menu] button").Click();
        cut.WaitForElement($"[data-testid={item}]").Click();

        // Assert
        cut.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations, i => i.Identifier == "download"));
        var download = JSInterop.Invocations.Last(i => i.Identifier == "download");
        Assert.Equal(fileName, download.Arguments[0]);
        Assert.Contains(marker, (string)download.Arguments[1]!, StringComparison.Ordinal);
    }

    private CanvasDocument LastLoad() => (CanvasDocument)JSInterop.Invocations.Last(i => i.Identifier == "load").Arguments[0]!;

    private IRenderedComponent<ProvidersHost> RenderWorkspace(Guid id) =>
        Render<ProvidersHost>(p => p.AddChildContent<DesignerWorkspace>(c => c
            .Add(x => x.WorkflowId, id)
            .Add(x => x.AutosaveDelay, TimeSpan.Zero)));
}
