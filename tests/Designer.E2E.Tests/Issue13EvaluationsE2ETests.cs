using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Designer.E2E.Tests;

/// <summary>
/// Issue 13 in the browser: an approver fixes a dataset label, evaluates the draft against the active version in one
/// click and follows it to its result; the dataset is then immutable and offers "Copy to change".
/// </summary>
public sealed class Issue13EvaluationsE2ETests(BrowserSession session) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private readonly E2EApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Dataset_Issue13_RelabelEvaluateDraftAgainstActiveThenImmutable()
    {
        // Arrange: the no-retrieval demo published (v1 active) and a two-case dataset for it.
        session.RequireBrowser();
        var app = _app.BaseAddress;
        var id = await RunsDemo.PublishAsync(app);
        using var author = await DemoApi.ClientAsync(app, "author");
        var created = await author.PostAsJsonAsync("/api/datasets", new JsonObject
        {
            ["name"] = "e2e-holdout",
            ["workflowId"] = id.ToString(),
            ["cases"] = new JsonArray(Case(42.5, "auto"), Case(6000, "analyst")),
        });
        created.EnsureSuccessStatusCode();
        var datasetId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await using var context = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.LogInAsync(app, "approver");

        // Act 1: fix case 1's label on the dataset page.
        await page.GotoAsync(new Uri(app, $"/datasets/{datasetId}").ToString());
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=dataset-case]")).ToHaveCountAsync(2);
        await page.SelectOptionAsync("[data-case='1'] [data-testid=case-label]", "analyst");
        await Assertions.Expect(page.Locator("[data-testid=dataset-message]")).ToContainTextAsync("Case 1 is now labelled 'analyst'");
        await page.ScreenshotAsync("issue13-1-dataset");

        // Act 2: on v1 (the active version), evaluate the draft against it in one click and follow it.
        await page.GotoAsync(new Uri(app, $"/workflows/{id}/versions?review=1").ToString());
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=evaluate-is-active]")).ToBeVisibleAsync();
        await page.ClickAsync("[data-testid=evaluate-draft]");
        await page.WaitForSelectorAsync("[data-testid=evaluate-progress][data-status=succeeded]", new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
        await page.ScreenshotAsync("issue13-2-evaluated");

        // Assert: both cases evaluated, the result summarised; the dataset is now immutable and offers a copy.
        await Assertions.Expect(page.Locator("[data-testid=evaluate-done]")).ToContainTextAsync("2 / 2");
        await Assertions.Expect(page.Locator("[data-testid=evaluate-summary]")).ToContainTextAsync("Automation");
        await page.GotoAsync(new Uri(app, $"/datasets/{datasetId}").ToString());
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("[data-testid=dataset-frozen-reason]")).ToContainTextAsync("Used by an evaluation");
        await Assertions.Expect(page.Locator("[data-testid=case-label]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=dataset-copy]")).ToBeVisibleAsync();
    }

    private static JsonObject Case(double amount, string expectedEnd) => new()
    {
        ["input"] = new JsonObject
        {
            ["amount"] = amount,
            ["currency"] = "EUR",
            ["category"] = "quality",
            ["merchant"] = "Maple Books",
            ["description"] = "The book arrived with a torn cover.",
        },
        ["expected"] = new JsonObject { ["end"] = expectedEnd },
    };
}
