using System.Text.Json.Nodes;
using Bunit;
using Designer.Web.Collections;
using Designer.Web.Components.WorkflowDesigner;
using Designer.Web.Components.WorkflowDesigner.Editing;
using Designer.Web.Tests.Components;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.WorkflowDesigner;

/// <summary>The retrieval inspector form over real collections: picker, and the payload filter field.</summary>
public sealed class RetrievalFormTests : CollectionUiTestContext
{
    protected override bool RunJobs => false;

    private JsonObject? _changed;

    [Fact]
    public async Task Picker_WithCollections_OffersThemAndWritesChoice()
    {
        // Arrange
        await SeedCollectionAsync();
        Services.AddSingleton<ICollectionCatalogView>(new CollectionCatalogView(Collections));
        var cut = RenderForm([]);

        // Act
        cut.Find("[data-testid=collection]").MouseDown();
        cut.WaitForElement(".mud-popover-open .mud-list-item").Click();

        // Assert
        Assert.Equal(Collection, _changed!["collection"]!.GetValue<string>());
    }

    [Fact]
    public void Picker_NoCollectionsYet_FreeTextWithExplanation()
    {
        // Arrange
        Services.AddSingleton<ICollectionCatalogView>(new CollectionCatalogView(Collections));

        // Act
        var cut = RenderForm([]);

        // Assert
        Assert.NotNull(cut.Find("input[data-testid=collection]"));
        Assert.Contains("no collections exist yet", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Filter_ValidJson_WritesFilterObject()
    {
        // Arrange
        var cut = RenderForm([]);

        // Act
        cut.Find("textarea[data-testid=filter]").Change("{\"category\": \"fraud\", \"amount\": {\"gte\": 100}}");

        // Assert
        Assert.Equal("fraud", _changed!["filter"]!["category"]!.GetValue<string>());
        Assert.Equal(100, _changed["filter"]!["amount"]!["gte"]!.GetValue<int>());
    }

    [Fact]
    public void Filter_Invalid_KeepsTextShowsProblemsAndWritesNothing()
    {
        // Arrange
        var cut = RenderForm(new JsonObject { ["filter"] = new JsonObject { ["category"] = "fraud" } });

        // Act
        cut.Find("textarea[data-testid=filter]").Change("{\"amount\": 1.5, \"tags\": []}");

        // Assert
        Assert.Null(_changed);
        Assert.Contains("filter.amount", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("filter.tags", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("1.5", cut.Find("textarea[data-testid=filter]").GetAttribute("value") ?? cut.Find("textarea[data-testid=filter]").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<ProvidersHost> RenderForm(JsonObject config) =>
        Render<ProvidersHost>(p => p.AddChildContent<RetrievalForm>(c => c
            .Add(x => x.Config, config)
            .Add(x => x.ConfigChanged, (JsonObject changed) => _changed = changed)));
}
