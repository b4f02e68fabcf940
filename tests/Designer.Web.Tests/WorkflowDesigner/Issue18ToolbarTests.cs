using Bunit;
using Designer.Web.Components.WorkflowDesigner;
using Designer.Web.Tests.Infrastructure;
using MudBlazor.Services;

namespace Designer.Web.Tests.WorkflowDesigner;

/// <summary>Issue 18 #11 and friction: the designer header with a long name, and its icon buttons for screen readers.</summary>
public sealed class Issue18ToolbarTests : BunitContext
{
    [Fact]
    public void Render_Issue18_LongNameKeepsFullNameAndEveryIconButtonIsLabelled()
    {
        // Arrange
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        var name = string.Concat(Enumerable.Repeat("Dispute triage with a very long name ", 6)).Trim();

        // Act
        var cut = Render<ProvidersHost>(p => p.AddChildContent<DesignerToolbar>(c => c
            .Add(x => x.Name, name)
            .Add(x => x.CanEdit, true)));

        // Assert
        var title = cut.Find("[data-testid=workflow-name]");
        Assert.Equal(name, title.GetAttribute("title"));
        Assert.Contains("designer-toolbar-name", title.ClassList);
        var iconButtons = cut.FindAll(".mud-icon-button");
        Assert.NotEmpty(iconButtons);
        Assert.All(iconButtons, b => Assert.False(string.IsNullOrWhiteSpace(b.GetAttribute("aria-label")), b.OuterHtml));
    }
}
