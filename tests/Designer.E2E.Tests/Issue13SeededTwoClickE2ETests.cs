using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Designer.E2E.Tests;

/// <summary>
/// Issue 13 item 6 in the browser, on the demo as Development seeds it (v1 active, the stricter v2 pending approval):
/// an approver opens v2 on the version page, evaluates it against the active v1 with one click and sees both sides'
/// metrics. The E2E app does not ingest the corpus, so the 1,000-case held-out dataset (seeded with the corpus) is
/// replaced by a small labelled dataset of the same workflow; the flow on the page is the same.
/// </summary>
public sealed class Issue13SeededTwoClickE2ETests(BrowserSession session) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private readonly E2EApp _app = new(seedVersions: true);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SeededDemo_Issue13_EvaluateV2AgainstActiveV1InTwoClicksShowsMetrics()
    {
        // Arrange: the seeded demo has v1 active and v2 pending; a three-case dataset of it.
        session.RequireBrowser();
        var app = _app.BaseAddress;
        using var author = await DemoApi.ClientAsync(app, "author");
        var id = (await author.GetFromJsonAsync<JsonObject>("/api/workflows?search=Dispute"))!["items"]![0]!["id"]!.GetValue<Guid>();
        var versions = (await author.GetFromJsonAsync<JsonObject>($"/api/workflows/{id}/versions"))!["items"]!.AsArray();
        Assert.Equal(2, versions.Count);
        var created = await author.PostAsJsonAsync("/api/datasets", new JsonObject
        {
            ["name"] = "e2e-seeded-two-click",
            ["workflowId"] = id.ToString(),
            ["cases"] = new JsonArray(
                Case(42.5, "quality", 0.012, "auto"),
                Case(180, "not-received", 0.09, "analyst"),
                Case(7800, "fraud", 0.18, "analyst")),
        });
        created.EnsureSuccessStatusCode();
        await using var context = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.LogInAsync(app, "approver");

        // Act: click 1 opens v2 for review on the version page; click 2 evaluates it against the active v1.
        await page.GotoAsync(new Uri(app, $"/workflows/{id}/versions").ToString());
        await page.WaitForInteractiveAsync();
        await page.ClickAsync("[data-testid=review-2]");
        await Assertions.Expect(page.Locator("[data-testid=evaluate-start]")).ToContainTextAsync("Evaluate v2 against active v1");
        await page.ClickAsync("[data-testid=evaluate-start]");
        await page.WaitForSelectorAsync("[data-testid=evaluate-progress][data-status=succeeded]", new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        await page.ScreenshotAsync("issue13-seeded-two-click");

        // Assert: every case ran on both sides; the summary shows v2's and the active v1's automation and wrong rates.
        await Assertions.Expect(page.Locator("[data-testid=evaluate-done]")).ToContainTextAsync("3 / 3");
        var summary = page.Locator("[data-testid=evaluate-summary]");
        await Assertions.Expect(summary).ToContainTextAsync("Automation");
        await Assertions.Expect(summary).ToContainTextAsync("(active ");
        await Assertions.Expect(summary).ToContainTextAsync("wrong automatic");
        await Assertions.Expect(summary).Not.ToContainTextAsync("(active –)");
    }

    private static JsonObject Case(double amount, string category, double merchantDisputeRate, string expectedEnd) => new()
    {
        ["input"] = new JsonObject
        {
            ["amount"] = amount,
            ["currency"] = "EUR",
            ["category"] = category,
            ["merchant"] = "Maple Books",
            ["description"] = "The parcel never arrived and the merchant does not answer.",
            ["merchantDisputeRate"] = merchantDisputeRate,
        },
        ["expected"] = new JsonObject { ["end"] = expectedEnd },
    };
}
