using Bunit;
using Designer.Persistence;
using Designer.Web.Components.Pages;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Components;

/// <summary>The collections page while a job is unfinished (this host's worker is off): live progress and cancel.</summary>
public sealed class CollectionJobsPageTests : CollectionUiTestContext
{
    protected override bool RunJobs => false;

    [Fact]
    public async Task Progress_JobAdvances_PageShowsNewCountsWithoutReload()
    {
        // Arrange
        var job = await SeedCollectionAsync();
        SignIn("viewer-1", "viewer");
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Equal("0 / 12", cut.Find("[data-testid=job-counts]").TextContent.Trim()));
        Assert.Equal("queued", cut.Find("[data-testid=job-status]").TextContent);

        // Act: a worker in another process reports progress through the database.
        var store = AppServices.GetRequiredService<ICollectionStore>();
        await store.StartJobAsync(job.Job.Id, 12, 0, CancellationToken.None);
        await store.ReportProgressAsync(job.Job.Id, 6, null, CancellationToken.None);

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("6 / 12", cut.Find("[data-testid=job-counts]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Equal("running", cut.Find("[data-testid=job-status]").TextContent);
    }

    [Fact]
    public async Task Cancel_AsAuthor_MarksQueuedJobCancelled()
    {
        // Arrange
        await SeedCollectionAsync();
        SignIn("author-1", "author");
        var cut = RenderPage();
        cut.WaitForElement("[data-testid=job-cancel]");

        // Act
        await cut.Find("[data-testid=job-cancel]").ClickAsync(new());

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("cancelled", cut.Find("[data-testid=job-status]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=job-cancel]"));
    }

    [Fact]
    public async Task Render_AsViewer_NoCancelButton()
    {
        // Arrange
        await SeedCollectionAsync();
        SignIn("viewer-1", "viewer");

        // Act
        var cut = RenderPage();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("queued", cut.Find("[data-testid=job-status]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=job-cancel]"));
    }

    private IRenderedComponent<ProvidersHost> RenderPage() => Render<ProvidersHost>(p => p.AddChildContent<CollectionsPage>());
}
