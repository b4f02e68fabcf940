namespace Designer.E2E.Tests;

/// <summary>The governance lifecycle in a real browser: an author submits, another person approves.</summary>
public sealed class LifecycleE2ETests(BrowserSession session) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private readonly E2EApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Lifecycle_AuthorSubmitsApproverApproves_VersionPublishedAndActive()
    {
        // Arrange
        session.RequireBrowser();
        var app = _app.BaseAddress;
        await using var authorContext = await session.Browser.NewContextAsync();
        await using var approverContext = await session.Browser.NewContextAsync();
        var author = await authorContext.NewPageAsync();
        var approver = await approverContext.NewPageAsync();

        // Act: the author opens the seeded demo workflow and submits it.
        await author.LogInAsync(app, "author");
        await author.ClickAsync("[data-testid=workflow-link]");
        await author.WaitForSelectorAsync("[data-testid=versions-table]");
        await author.WaitForInteractiveAsync();
        await author.ClickAsync("[data-testid=submit]");
        await author.WaitForSelectorAsync("[data-testid=version-status]:has-text('Pending approval')");
        var approveVisibleToAuthor = await author.Locator("[data-testid=approve-1]").CountAsync();
        await author.ScreenshotAsync("lifecycle-1-submitted");

        // Act: an approver, in a separate browser context, approves with a comment.
        await approver.LogInAsync(app, "approver");
        await approver.GotoAsync(author.Url);
        await approver.WaitForInteractiveAsync();
        await approver.ClickAsync("[data-testid=approve-1]");
        await approver.FillAsync("[data-testid=comment] textarea, textarea[data-testid=comment]", "Looks right.");
        await approver.ClickAsync("[data-testid=comment-ok]");
        await approver.WaitForSelectorAsync("[data-testid=version-status]:has-text('Published')");
        await approver.ScreenshotAsync("lifecycle-2-approved");

        // Assert
        Assert.Equal(0, approveVisibleToAuthor);
        Assert.Contains("active", await approver.InnerTextAsync("[data-testid=version-number]"), StringComparison.Ordinal);
        await approver.GotoAsync(new Uri(app, "/audit").ToString());
        await approver.WaitForInteractiveAsync();
        await approver.ClickAsync("[data-testid=verify]");
        var verification = await approver.WaitForSelectorAsync("[data-testid=verification]");
        Assert.Contains("intact", await verification!.InnerTextAsync(), StringComparison.Ordinal);
    }
}
