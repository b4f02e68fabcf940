using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Web.Runs;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Designer.E2E.Tests;

/// <summary>
/// Issue 18's decision flows in a real browser: a version is approved or rejected through a confirmation (a reject
/// needs a comment and its button enables while typing), an inbox task is decided with the case in the confirmation,
/// and a run page keeps updating while its gate waits and finishes without a reload once someone decides.
/// </summary>
public sealed class Issue18FlowsE2ETests(BrowserSession session) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private const string CommentBox = "[data-testid=comment] textarea, textarea[data-testid=comment]";
    private readonly E2EApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task VersionReview_Issue18_RejectNeedsACommentWhileTypingAndApproveConfirms()
    {
        // Arrange: two workflows, each with v1 submitted.
        session.RequireBrowser();
        var app = _app.BaseAddress;
        var rejected = await SubmitAsync(app, await DemoWorkflowIdAsync(app));
        var approved = await SubmitAsync(app, await DemoApi.CreateWorkflowAsync(app, JsonNode.Parse(Designer.Workflows.Serialization.WorkflowJson.Serialize(RunsDemo.Definition()))!.AsObject()));
        await using var context = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.LogInAsync(app, "approver");

        // Act: reject — the dialog's button is disabled until a comment is typed, and enables before the field blurs.
        await OpenVersionsAsync(page, app, rejected);
        await page.ClickAsync("[data-testid=reject-1]");
        var ok = page.Locator("[data-testid=comment-ok]");
        await Expect(ok).ToBeDisabledAsync();
        await page.Locator(CommentBox).PressSequentiallyAsync("Thresholds not reviewed");
        await Expect(ok).ToBeEnabledAsync();
        await ok.ClickAsync();
        await Expect(page.Locator("[data-testid=version-status]").First).ToContainTextAsync("Rejected");

        // Act: approve — confirmed in the same dialog, where the comment is optional.
        await OpenVersionsAsync(page, app, approved);
        await page.ClickAsync("[data-testid=approve-1]");
        await Expect(page.Locator("[data-testid=comment-ok]")).ToBeEnabledAsync();
        await page.ClickAsync("[data-testid=comment-ok]");

        // Assert
        await Expect(page.Locator("[data-testid=version-status]").First).ToContainTextAsync("Published");
        Assert.Contains("active", await page.InnerTextAsync("[data-testid=version-number]"), StringComparison.Ordinal);
        await page.ScreenshotAsync("issue18-flows-1-approved");
    }

    [Fact]
    public async Task InboxDecision_Issue18_ConfirmationShowsTheCaseAndRejectNeedsAComment()
    {
        // Arrange: two high-risk runs waiting at the analyst gate.
        session.RequireBrowser();
        var app = _app.BaseAddress;
        var workflow = await RunsDemo.PublishAsync(app);
        await StartHighRiskRunAsync(app, workflow);
        await StartHighRiskRunAsync(app, workflow);
        await using var context = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.LogInAsync(app, "approver");
        await page.GotoAsync(new Uri(app, "/inbox").ToString());
        await page.WaitForInteractiveAsync();
        var tasks = page.Locator("[data-testid=inbox-task]");
        await Expect(tasks).ToHaveCountAsync(2, new() { Timeout = 60_000 });

        // Act: reject the first, cancel once, then confirm with a comment.
        await tasks.First.Locator("[data-testid=task-reject]").ClickAsync();
        var message = page.Locator("[data-testid=comment-message]");
        await Expect(message).ToContainTextAsync("reject");
        await Expect(message).ToContainTextAsync("Quick Electronics Outlet");
        await Expect(page.Locator("[data-testid=comment-ok]")).ToBeDisabledAsync();
        await page.Locator(CommentBox).PressSequentiallyAsync("Purchase matches the customer's travel.");
        await Expect(page.Locator("[data-testid=comment-ok]")).ToBeEnabledAsync();
        await page.ClickAsync("[data-testid=comment-ok]");
        await Expect(tasks).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=inbox-decided]")).ToContainTextAsync("reject");

        // Act: approve the other; its confirmation names the case too and needs no comment.
        await tasks.First.Locator("[data-testid=task-approve]").ClickAsync();
        await Expect(message).ToContainTextAsync("approve");
        await Expect(message).ToContainTextAsync("Quick Electronics Outlet");
        await page.ScreenshotAsync("issue18-flows-2-inbox-confirm");
        await page.ClickAsync("[data-testid=comment-ok]");

        // Assert
        await Expect(tasks).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=inbox-decided]")).ToContainTextAsync("approve");
        using var approver = await DemoApi.ClientAsync(app, "approver");
        var open = await approver.GetFromJsonAsync<JsonObject>("/api/tasks?status=Pending");
        Assert.Empty(open!["items"]!.AsArray());
    }

    [Fact]
    public async Task RunPage_Issue18_WhileGateWaitsUpdatesLiveAndShowsCompletedAfterDecisionElsewhere()
    {
        // Arrange
        session.RequireBrowser();
        var app = _app.BaseAddress;
        var workflow = await RunsDemo.PublishAsync(app);
        await using var operatorContext = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        await using var approverContext = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 } });
        var page = await operatorContext.NewPageAsync();
        await page.LogInAsync(app, "operator");
        var runId = await StartHighRiskRunAsync(app, workflow);

        // Act: the operator watches the run; a marker on the window tells a reload apart from a live update.
        await page.GotoAsync(new Uri(app, $"/runs/{runId}").ToString());
        await page.WaitForInteractiveAsync();
        await page.EvaluateAsync("() => { window.__issue18SameDocument = true; }");
        var detail = page.Locator("[data-testid=run-detail]");
        await Expect(detail).ToHaveAttributeAsync("data-run-status", "WaitingForHuman", new() { Timeout = 60_000 });
        await Expect(page.Locator("[data-testid=run-status]")).ToHaveAttributeAsync("data-status", "WaitingForHuman");
        var duration = page.Locator("[data-testid=run-duration]");
        var firstDuration = await duration.InnerTextAsync();
        await Expect(duration).Not.ToHaveTextAsync(firstDuration, new() { Timeout = 10_000 });
        var waitingBar = page.Locator(".run-timeline-row[data-node-id=review] [data-testid=timeline-bar]").Last;
        await Expect(waitingBar).ToHaveAttributeAsync("data-status", "waiting");
        var barColour = await waitingBar.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        var legendColour = await page.Locator(".run-legend-item.run-status-waiting").EvaluateAsync<string>("e => getComputedStyle(e).borderTopColor");
        await page.ScreenshotAsync("issue18-flows-3-run-waiting");

        // Act: an approver decides in another browser context.
        var approver = await approverContext.NewPageAsync();
        await approver.LogInAsync(app, "approver");
        await approver.GotoAsync(new Uri(app, "/inbox").ToString());
        await approver.WaitForInteractiveAsync();
        await approver.ClickAsync("[data-testid=inbox-task] [data-testid=task-approve]");
        await approver.ClickAsync("[data-testid=comment-ok]");
        await Expect(approver.Locator("[data-testid=inbox-decided]")).ToContainTextAsync("approve");

        // Assert: the operator's page shows the end of the run, in the same document.
        await Expect(detail).ToHaveAttributeAsync("data-run-status", "Completed", new() { Timeout = 60_000 });
        await Expect(page.Locator("[data-testid=run-status]")).ToHaveAttributeAsync("data-status", "Completed");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__issue18SameDocument === true"));
        Assert.Equal("rgb(239, 108, 0)", barColour);
        Assert.Equal(legendColour, barColour);
        Assert.NotEqual(firstDuration, await duration.InnerTextAsync());
    }

    private static async Task<Guid> DemoWorkflowIdAsync(Uri app)
    {
        using var author = await DemoApi.ClientAsync(app, "author");
        var list = await author.GetFromJsonAsync<JsonObject>("/api/workflows");
        return list!["items"]![0]!["id"]!.GetValue<Guid>();
    }

    private static async Task<Guid> SubmitAsync(Uri app, Guid workflow)
    {
        using var author = await DemoApi.ClientAsync(app, "author");
        (await author.PostAsync($"/api/workflows/{workflow}/versions", null)).EnsureSuccessStatusCode();
        return workflow;
    }

    private static async Task<Guid> StartHighRiskRunAsync(Uri app, Guid workflow)
    {
        using var operatorClient = await DemoApi.ClientAsync(app, "operator");
        var input = DemoSamples.All.Single(s => s.Name.StartsWith("High-risk", StringComparison.Ordinal)).Input.DeepClone();
        var started = await operatorClient.PostAsJsonAsync($"/api/workflows/{workflow}/runs", new JsonObject { ["input"] = input });
        started.EnsureSuccessStatusCode();
        return (await started.Content.ReadFromJsonAsync<JsonObject>())!["runId"]!.GetValue<Guid>();
    }

    private static async Task OpenVersionsAsync(IPage page, Uri app, Guid workflow)
    {
        await page.GotoAsync(new Uri(app, $"/workflows/{workflow}/versions").ToString());
        await page.WaitForSelectorAsync("[data-testid=versions-table]");
        await page.WaitForInteractiveAsync();
    }
}
