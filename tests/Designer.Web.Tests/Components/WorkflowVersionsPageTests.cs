using Bunit;
using Designer.Persistence;
using Designer.Web.Components.Pages;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Components;

public sealed class WorkflowVersionsPageTests : UiTestContext
{
    [Fact]
    public async Task Submit_AsAuthor_CreatesPendingVersion()
    {
        // Arrange
        var id = await SeedWorkflowAsync("author-1");
        SignIn("author-1", "author");
        var cut = RenderPage(id);

        // Act
        await cut.Find("[data-testid=submit]").ClickAsync(new());

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("v1", cut.Find("[data-testid=version-number]").TextContent, StringComparison.Ordinal));
        Assert.Contains("Pending approval", cut.Find("[data-testid=version-status]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=approve-1]"));
    }

    [Fact]
    public async Task Approve_AsOtherApprover_PublishesAndActivates()
    {
        // Arrange
        var id = await SeedWorkflowAsync("author-1");
        var store = AppServices.GetRequiredService<IWorkflowStore>();
        var draft = await store.GetDraftAsync(id, CancellationToken.None);
        var service = new Designer.Web.Workflows.VersionService(store, new WorkflowValidator());
        await service.SubmitAsync(AuthorPrincipal(), id, null, CancellationToken.None);
        SignIn("approver-1", "approver");
        var cut = RenderPage(id);

        // Act
        // The page awaits the dialog's result, so the first click completes only after the dialog closes.
        var approve = cut.Find("[data-testid=approve-1]").ClickAsync(new());
        cut.WaitForElement("[data-testid=comment-ok]");
        await cut.Find("[data-testid=comment-ok]").ClickAsync(new());
        await approve;

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("Published", cut.Find("[data-testid=version-status]").TextContent, StringComparison.Ordinal));
        Assert.Contains("active", cut.Find("[data-testid=version-number]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(draft);
    }

    [Fact]
    public async Task Submit_InvalidDraft_ListsEveryProblem()
    {
        // Arrange
        var store = AppServices.GetRequiredService<IWorkflowStore>();
        var created = await store.CreateWorkflowAsync("Broken", null,
            """{"schemaVersion":1,"name":"Broken","nodes":[{"id":"x","kind":"teleport","name":"X","position":{"x":0,"y":0},"config":{}}],"edges":[]}""",
            new Actor("author-1", "author-1@demo.local"), CancellationToken.None);
        SignIn("author-1", "author");
        var cut = RenderPage(created.Workflow.Id);

        // Act
        await cut.Find("[data-testid=submit]").ClickAsync(new());

        // Assert
        cut.WaitForAssertion(() => Assert.True(cut.FindAll("[data-testid=problem]").Count >= 3));
        Assert.Contains(cut.FindAll("[data-testid=problem]"), p => p.GetAttribute("data-node-id") == "x");
        Assert.Empty(cut.FindAll("[data-testid=version-number]"));
    }

    private IRenderedComponent<ProvidersHost> RenderPage(Guid id) =>
        Render<ProvidersHost>(p => p.AddChildContent<WorkflowVersionsPage>(c => c.Add(x => x.Id, id)));

    private static System.Security.Claims.ClaimsPrincipal AuthorPrincipal() => new(new System.Security.Claims.ClaimsIdentity(
        [
            new(System.Security.Claims.ClaimTypes.NameIdentifier, "author-1"),
            new(System.Security.Claims.ClaimTypes.Name, "author-1@demo.local"),
            new(System.Security.Claims.ClaimTypes.Role, "author"),
        ], "test"));
}
