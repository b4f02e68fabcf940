using Bunit;
using Designer.Web.Components.Pages;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Components;

public sealed class WorkflowsPageTests : UiTestContext
{
    [Fact]
    public async Task Render_AsViewer_ListsWorkflowsWithoutNewButton()
    {
        await SeedWorkflowAsync("author-1", "Claims intake");
        SignIn("viewer-1", "viewer");

        var cut = Render<ProvidersHost>(p => p.AddChildContent<WorkflowsPage>());

        cut.WaitForAssertion(() => Assert.Contains("Claims intake", cut.Find("[data-testid=workflow-link]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=new-workflow]"));
    }

    [Fact]
    public async Task NewWorkflow_AsAuthor_CreatesAndListsIt()
    {
        // Arrange
        SignIn("author-1", "author");
        var cut = Render<ProvidersHost>(p => p.AddChildContent<WorkflowsPage>());

        // Act
        // The page awaits the dialog's result, so the first click completes only after the dialog closes.
        var open = cut.Find("[data-testid=new-workflow]").ClickAsync(new());
        cut.WaitForElement("[data-testid=new-name]").Change("KYC review");
        await cut.Find("[data-testid=new-create]").ClickAsync(new());
        await open;

        // Assert
        var store = AppServices.GetService(typeof(Designer.Persistence.IWorkflowStore)) as Designer.Persistence.IWorkflowStore;
        var page = await store!.ListWorkflowsAsync(1, 10, "KYC", CancellationToken.None);
        Assert.Equal(1, page.Total);
        Assert.Empty(cut.FindAll("[data-testid=new-create]"));
    }
}
