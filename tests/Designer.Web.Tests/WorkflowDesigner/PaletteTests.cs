using Bunit;
using Designer.Web.Components.WorkflowDesigner;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.WorkflowDesigner;

public sealed class PaletteTests : UiTestContext
{
    [Fact]
    public void Render_Catalogue_EveryKindDraggableInItsGroup()
    {
        var cut = Render<ProvidersHost>(p => p.AddChildContent<Palette>());

        var items = cut.FindAll("[data-testid=palette-item]");
        Assert.Equal(["start", "condition", "end", "retrieval", "model", "policy", "humanGate", "action"], items.Select(i => i.GetAttribute("data-palette-kind")));
        Assert.All(items, i => Assert.Equal("true", i.GetAttribute("draggable")));
        Assert.Equal(["Flow", "AI", "Governance", "Integration"], cut.FindAll("[data-testid=palette-group]").Select(g => g.TextContent));
    }

    [Fact]
    public void Search_Text_FiltersByNameGroupOrDescription()
    {
        // Arrange
        var cut = Render<ProvidersHost>(p => p.AddChildContent<Palette>());

        // Act
        cut.Find("[data-testid=palette-search] input, input[data-testid=palette-search]").Input("gov");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(["policy", "humanGate"],
            cut.FindAll("[data-testid=palette-item]").Select(i => i.GetAttribute("data-palette-kind"))));
    }

    [Fact]
    public void Search_NoMatch_SaysSo()
    {
        var cut = Render<ProvidersHost>(p => p.AddChildContent<Palette>());

        cut.Find("[data-testid=palette-search] input, input[data-testid=palette-search]").Input("zzz");

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=palette-empty]")));
        Assert.Empty(cut.FindAll("[data-testid=palette-item]"));
    }

    [Fact]
    public void Click_Item_RaisesKindClicked()
    {
        // Arrange
        string? clicked = null;
        var cut = Render<ProvidersHost>(p => p.AddChildContent<Palette>(c => c.Add(x => x.KindClicked, (string k) => clicked = k)));

        // Act
        cut.Find("[data-palette-kind=model]").Click();

        // Assert
        Assert.Equal("model", clicked);
    }
}
