using Bunit;
using Designer.Web.Components.Pages;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Components;

/// <summary>The collections page with a running job worker: list, finished job figures, test search.</summary>
public sealed class CollectionsPageTests : CollectionUiTestContext
{
    [Fact]
    public async Task Render_AsViewer_ListsCollectionWithFinishedJobAndNoCancel()
    {
        // Arrange
        var job = await SeedCollectionAsync();
        await WaitForJobAsync(job.Job.Id);
        SignIn("viewer-1", "viewer");

        // Act
        var cut = RenderPage();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(Collection, cut.Find("[data-testid=collection-name]").TextContent));
        Assert.Equal("12", cut.Find("[data-testid=collection-documents]").TextContent);
        Assert.Contains("v1", cut.Find("[data-testid=collection-model]").TextContent, StringComparison.Ordinal);
        Assert.Equal("succeeded", cut.Find("[data-testid=job-status]").TextContent);
        Assert.Equal("12 / 12", cut.Find("[data-testid=job-counts]").TextContent.Trim());
        Assert.EndsWith("docs/s", cut.Find("[data-testid=job-rate]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=job-cancel]"));
    }

    [Fact]
    public async Task Search_TestQuery_ShowsHitsWithDocumentChunkAndScore()
    {
        // Arrange
        var job = await SeedCollectionAsync();
        await WaitForJobAsync(job.Job.Id);
        SignIn("viewer-1", "viewer");
        var cut = RenderPage();
        cut.WaitForElement("input[data-testid=search-query]");

        // Act
        cut.Find("input[data-testid=search-query]").Input("the book arrived with a torn cover");
        await cut.Find("[data-testid=search-run]").ClickAsync(new());

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=hit-document]")));
        Assert.Equal("d-12", cut.FindAll("[data-testid=hit-document]")[0].TextContent);
        Assert.Equal("0", cut.FindAll("[data-testid=hit-chunk]")[0].TextContent);
        Assert.True(double.Parse(cut.FindAll("[data-testid=hit-score]")[0].TextContent, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task Search_BlankQueryAndBadFilter_ListsEveryProblem()
    {
        // Arrange
        var job = await SeedCollectionAsync();
        await WaitForJobAsync(job.Job.Id);
        SignIn("viewer-1", "viewer");
        var cut = RenderPage();
        cut.WaitForElement("input[data-testid=search-filter]");

        // Act
        cut.Find("input[data-testid=search-filter]").Input("{\"amount\": 1.5}");
        await cut.Find("[data-testid=search-run]").ClickAsync(new());

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=search-problems]")));
        var text = cut.Find("[data-testid=search-problems]").TextContent;
        Assert.Contains("q:", text, StringComparison.Ordinal);
        Assert.Contains("filter:", text, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=search-hits]"));
    }

    [Fact]
    public void Render_NoCollections_SaysHowToCreateOne()
    {
        // Arrange
        SignIn("viewer-1", "viewer");

        // Act
        var cut = RenderPage();

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-collections]")));
    }

    private IRenderedComponent<ProvidersHost> RenderPage() => Render<ProvidersHost>(p => p.AddChildContent<CollectionsPage>());
}
