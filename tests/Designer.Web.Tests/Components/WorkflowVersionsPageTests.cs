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

    [Fact]
    public async Task Approve_Issue18_DiffAfterApprovingComparesWithPreviousVersion()
    {
        // Arrange: v1 published and active, v2 (a renamed node) pending.
        var id = await SeedWorkflowAsync("author-1");
        var store = AppServices.GetRequiredService<IWorkflowStore>();
        var service = new Designer.Web.Workflows.VersionService(store, new WorkflowValidator());
        await service.SubmitAsync(AuthorPrincipal(), id, null, CancellationToken.None);
        await store.ApproveVersionAsync(id, 1, new Actor("approver-2", "approver-2@demo.local"), null, CancellationToken.None);
        var draft = (await store.GetDraftAsync(id, CancellationToken.None))!;
        var definition = WorkflowJson.Parse(draft.DefinitionJson).Definition!;
        definition.Nodes[1].Name = "Renamed in v2";
        await store.SaveDraftAsync(id, WorkflowJson.Serialize(definition), draft.ETag, new Actor("author-1", "author-1@demo.local"), CancellationToken.None);
        await service.SubmitAsync(AuthorPrincipal(), id, null, CancellationToken.None);
        SignIn("approver-1", "approver");
        var cut = RenderPage(id);

        // Act
        var approve = cut.Find("[data-testid=approve-2]").ClickAsync(new());
        cut.WaitForElement("[data-testid=comment-ok]");
        await cut.Find("[data-testid=comment-ok]").ClickAsync(new());
        await approve;

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("active", cut.Find("[data-testid=version-number]").TextContent, StringComparison.Ordinal));
        var header = cut.Find("[data-testid=diff-view] h6").TextContent;
        Assert.Contains("v2 against v1", header, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing", header, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("[data-testid=diff-changed]"));
    }

    [Fact]
    public async Task Activate_Issue18_OlderVersionAsksForConfirmationFirst()
    {
        // Arrange: v1 and v2 published, v2 active.
        var id = await SeedWorkflowAsync("author-1");
        var store = AppServices.GetRequiredService<IWorkflowStore>();
        var service = new Designer.Web.Workflows.VersionService(store, new WorkflowValidator());
        var approver = new Actor("approver-2", "approver-2@demo.local");
        await service.SubmitAsync(AuthorPrincipal(), id, null, CancellationToken.None);
        await store.ApproveVersionAsync(id, 1, approver, null, CancellationToken.None);
        var draft = (await store.GetDraftAsync(id, CancellationToken.None))!;
        var definition = WorkflowJson.Parse(draft.DefinitionJson).Definition!;
        definition.Nodes[1].Name = "Renamed in v2";
        await store.SaveDraftAsync(id, WorkflowJson.Serialize(definition), draft.ETag, new Actor("author-1", "author-1@demo.local"), CancellationToken.None);
        await service.SubmitAsync(AuthorPrincipal(), id, null, CancellationToken.None);
        await store.ApproveVersionAsync(id, 2, approver, null, CancellationToken.None);
        SignIn("approver-1", "approver");
        var cut = RenderPage(id);

        // Act: the first click only asks.
        var activate = cut.Find("[data-testid=activate-1]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Contains("rollback", cut.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        var stillActive = (await store.GetWorkflowAsync(id, CancellationToken.None))!.ActiveVersion;
        cut.FindAll(".mud-dialog button").First(b => b.TextContent.Contains("Activate v1", StringComparison.Ordinal)).Click();
        await activate;

        // Assert
        Assert.Equal(2, stillActive);
        Assert.Equal(1, (await store.GetWorkflowAsync(id, CancellationToken.None))!.ActiveVersion);
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
