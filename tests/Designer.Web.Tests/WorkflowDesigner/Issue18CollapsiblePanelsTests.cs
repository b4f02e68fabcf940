using Bunit;
using Designer.Web.Components.WorkflowDesigner;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.WorkflowDesigner;

/// <summary>Issue 18 ("collapsible side panels"): the palette and the side panel fold away to give the canvas room.</summary>
public sealed class Issue18CollapsiblePanelsTests : UiTestContext
{
    [Fact]
    public async Task TogglePalette_Collapse_HidesPaletteAndWidensCanvasColumnUntilShownAgain()
    {
        // Arrange
        var cut = await RenderDemoAsync();

        // Act
        await cut.Find("[data-testid=toggle-palette]").ClickAsync(new());

        // Assert
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=palette]")));
        Assert.Contains("palette-collapsed", cut.Find("[data-testid=designer-body]").ClassList);
        Assert.Equal("Show the palette", cut.Find("[data-testid=toggle-palette]").GetAttribute("aria-label"));
        await cut.Find("[data-testid=toggle-palette]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=palette]")));
        Assert.DoesNotContain("palette-collapsed", cut.Find("[data-testid=designer-body]").ClassList);
    }

    [Fact]
    public async Task ToggleSide_CollapsedThenNodeDoubleClicked_ReopensOnTheInspector()
    {
        // Arrange
        var cut = await RenderDemoAsync();
        await cut.Find("[data-testid=toggle-side]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=tab-inspector]")));
        Assert.Contains("side-collapsed", cut.Find("[data-testid=designer-body]").ClassList);

        // Act
        await cut.InvokeAsync(() => cut.FindComponent<DesignerCanvas>().Instance.OnNodeDoubleClicked("risk"));

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=inspector]")));
        Assert.DoesNotContain("side-collapsed", cut.Find("[data-testid=designer-body]").ClassList);
        Assert.Contains("Risk", cut.Find("[data-testid=inspector]").TextContent, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<IRenderedComponent<ProvidersHost>> RenderDemoAsync()
    {
        var id = await SeedWorkflowAsync("author-1");
        SignIn("author-1", "author");
        var cut = Render<ProvidersHost>(p => p.AddChildContent<DesignerWorkspace>(w => w.Add(x => x.WorkflowId, id)));
        cut.WaitForElement("[data-testid=toggle-palette]");
        return cut;
    }
}
