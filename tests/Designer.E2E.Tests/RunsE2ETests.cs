using Microsoft.Playwright;

namespace Designer.E2E.Tests;

/// <summary>A run in the browser: an operator starts it and watches it live, an approver decides it in the inbox.</summary>
public sealed class RunsE2ETests(BrowserSession session) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private readonly E2EApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task HighRiskRun_ApproverApprovesInInbox_OperatorSeesRunFinishLive()
    {
        // Arrange
        session.RequireBrowser();
        var app = _app.BaseAddress;
        await RunsDemo.PublishAsync(app);
        await using var operatorContext = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1500, Height = 1000 } });
        await using var approverContext = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 } });
        var operatorPage = await operatorContext.NewPageAsync();
        var approverPage = await approverContext.NewPageAsync();
        await operatorPage.RecordPaintsAsync();

        // Act: the operator starts the demo's high-risk sample from the runs page and lands on the live run page.
        await operatorPage.LogInAsync(app, "operator");
        await operatorPage.GotoAsync(new Uri(app, "/runs").ToString());
        await operatorPage.WaitForInteractiveAsync();
        await operatorPage.ClickAsync("[data-testid=start-run]");
        await operatorPage.ClickAsync("[data-testid=start-sample]:has-text('High-risk')");
        await operatorPage.ClickAsync("[data-testid=start-submit]");
        await operatorPage.WaitForAddressAsync(new System.Text.RegularExpressions.Regex("/runs/[0-9a-f-]{36}$"));
        var runUrl = operatorPage.Url;
        await operatorPage.WaitForCanvasAsync();
        await operatorPage.WaitForNodeAsync("policy", "succeeded");
        await operatorPage.WaitForNodeAsync("review", "waiting");
        await operatorPage.ScreenshotAsync("runs-1-waiting-at-gate");

        // Act: the approver, in a second browser context, approves from the inbox.
        await approverPage.LogInAsync(app, "approver");
        await approverPage.GotoAsync(new Uri(app, "/inbox").ToString());
        await approverPage.WaitForInteractiveAsync();
        var task = approverPage.Locator("[data-testid=inbox-task]");
        await Assertions.Expect(task).ToHaveCountAsync(1);
        await approverPage.FillAsync("[data-testid=task-field-resolution]", "refund");
        await approverPage.FillAsync("[data-testid=task-comment]", "Card reported stolen before the purchase.");
        await approverPage.ScreenshotAsync("runs-2-inbox");
        await approverPage.ClickAsync("[data-testid=task-approve]");
        // Issue 18: a decision is confirmed with the case in view, and acknowledged.
        await Assertions.Expect(approverPage.Locator("[data-testid=comment-message]")).ToContainTextAsync("approve");
        await approverPage.ClickAsync("[data-testid=comment-ok]");
        await Assertions.Expect(task).ToHaveCountAsync(0);
        await Assertions.Expect(approverPage.Locator("[data-testid=inbox-decided]")).ToContainTextAsync("approve");

        // Assert: the operator's page finished by itself, without a reload.
        await operatorPage.WaitForSelectorAsync("[data-testid=run-detail][data-run-status=Completed]", new() { State = WaitForSelectorState.Attached });
        await operatorPage.WaitForNodeAsync("analyst", "succeeded");
        await operatorPage.WaitForNodeAsync("auto", "skipped");
        await operatorPage.ClickAsync("[data-testid=node-statuses] [data-node-id=risk] a");
        await operatorPage.WaitForSelectorAsync("[data-testid=node-inspector][data-node-id=risk] [data-testid=inspector-provider]");
        await operatorPage.ScreenshotAsync("runs-3-completed");
        var paints = await operatorPage.PaintsAsync();
        Assert.Equal(runUrl, operatorPage.Url);
        // Every node before the gate was painted green and the gate amber. Their order is not asserted: on a busy
        // machine the run can reach the gate before the page opens, and the first paint then shows all four in one
        // batch in no particular order (seen twice on clean clones).
        Assert.All(new[] { "start", "risk", "policy" }, n => Assert.Contains(paints, p => p.NodeId == n && p.Status == "succeeded"));
        var amber = paints.ToList().FindIndex(p => p.NodeId == "review" && p.Status == "waiting");
        Assert.True(amber >= 0, "the gate was never painted as waiting");
        // Painted after the decision, so pushed live (a reload would also have emptied the paint log).
        Assert.Contains(paints.Skip(amber), p => p.NodeId == "analyst" && p.Status == "succeeded" && p.Ms is not null);
        Assert.Contains("approve", await operatorPage.InnerTextAsync("[data-testid=run-output]"), StringComparison.Ordinal);

        // The run in the list and in the dashboard's economics.
        await operatorPage.GotoAsync(new Uri(app, "/runs").ToString());
        await operatorPage.WaitForSelectorAsync("[data-testid=runs-table] [data-testid=run-status][data-status=Completed]");
        await operatorPage.ScreenshotAsync("runs-4-list");
        await operatorPage.GotoAsync(new Uri(app, "/dashboard").ToString());
        var row = await operatorPage.WaitForSelectorAsync("[data-testid=dashboard-row]");
        await operatorPage.ScreenshotAsync("runs-5-dashboard");
        Assert.Equal("1", await row!.EvalOnSelectorAsync<string>("[data-testid=dashboard-runs]", "e => e.textContent"));
    }
}
