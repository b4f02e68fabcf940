using Bunit;
using Designer.Persistence;
using Designer.Web.Components.Runs;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Components;

/// <summary>Issue 18: the inbox said "No tasks" to an approver while a version waited for approval.</summary>
public sealed class Issue18VersionQueueTests : UiTestContext
{
    [Fact]
    public async Task Render_Issue18_ApproverSeesPendingVersionWithReviewLink()
    {
        // Arrange
        var id = await SeedWorkflowAsync("author-1");
        var store = AppServices.GetRequiredService<IWorkflowStore>();
        var draft = (await store.GetDraftAsync(id, CancellationToken.None))!;
        var definition = WorkflowJson.Parse(draft.DefinitionJson).Definition!;
        await store.SubmitVersionAsync(id, CanonicalJson.Serialize(definition), ContentHash.Compute(definition), draft.ETag,
            new Actor("author-1", "author-1@demo.local"), null, CancellationToken.None);
        SignIn("approver-1", "approver");

        // Act
        var cut = Render<ProvidersHost>(p => p.AddChildContent<VersionQueue>());

        // Assert
        var item = cut.WaitForElement("[data-testid=version-queue-item]");
        Assert.Equal("1", item.GetAttribute("data-version"));
        Assert.Equal($"/workflows/{id}/versions?review=1", item.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Render_Issue18_AuthorSeesNoQueue()
    {
        // Arrange
        await SeedWorkflowAsync("author-1");
        SignIn("author-1", "author");

        // Act
        var cut = Render<ProvidersHost>(p => p.AddChildContent<VersionQueue>());

        // Assert
        Assert.Empty(cut.FindAll("[data-testid=version-queue]"));
    }
}
