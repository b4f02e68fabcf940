using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Designer.E2E.Tests;

/// <summary>
/// Issue 18 in a real browser at 1440×900: the demo opens legible, a number field keeps what was typed, a name over
/// the limit and a filter that is not JSON say so in the save status and Problems, and the keyboard works at once.
/// </summary>
public sealed class Issue18DesignerE2ETests(BrowserSession session) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private readonly E2EApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Designer_Issue18_EditsAreKeptOrVisiblyRefused()
    {
        // Arrange
        session.RequireBrowser();
        var app = _app.BaseAddress;
        var id = await DemoApi.PublishDemoAsync(app);
        await using var context = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        await page.LogInAsync(app, "author");
        await page.GotoAsync(new Uri(app, $"/workflows/{id}/designer").ToString());
        await page.WaitForInteractiveAsync();
        await page.WaitForCanvasAsync();
        var transform = await page.Locator("[data-canvas-surface] .x6-graph-svg-viewport").GetAttributeAsync("transform") ?? "matrix(1,0,0,1,0,0)";
        var scale = double.Parse(transform.Split('(', ',')[1], CultureInfo.InvariantCulture);
        await page.ScreenshotAsync("issue18-0-demo-1440x900");

        // Act + Assert: the keyboard works before the canvas was clicked, and Escape closes the help.
        await page.Keyboard.PressAsync("Shift+Slash");
        await Expect(page.Locator("[data-testid=shortcuts-dialog]")).ToBeVisibleAsync();
        // MudBlazor's dialog hears Escape once it holds the focus, which it takes just after it paints.
        await page.WaitForFunctionAsync("() => !!document.activeElement && !!document.activeElement.closest('.mud-dialog')");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("[data-testid=shortcuts-dialog]")).ToHaveCountAsync(0);

        // A number typed and tabbed out of stays, and the node card follows.
        await page.ClickCellAsync("similar");
        await FillAsync(page, "top-k", "7");
        await Expect(Field(page, "top-k")).ToHaveValueAsync("7");
        await Expect(page.Cell("similar")).ToContainTextAsync("top 7");
        await Expect(page.Locator("[data-testid=save-status]")).ToHaveAttributeAsync("data-state", "saved");

        // A name over the limit is refused where it was typed, and the status says so.
        await FillAsync(page, "node-name", new string('n', 201));
        await Expect(page.Locator("[data-testid=save-status]")).ToContainTextAsync("Not applied");
        await Expect(page.Locator("[data-testid=inspector]")).ToContainTextAsync("At most 200 characters");
        await FillAsync(page, "node-name", "Similar past disputes");
        await Expect(page.Locator("[data-testid=save-status]")).ToHaveAttributeAsync("data-state", "saved");

        // A filter that is not JSON is listed as a problem instead of "All changes saved".
        await FillAsync(page, "filter", "{\"category\": fraud}");
        await Expect(page.Locator("[data-testid=save-status]")).ToContainTextAsync("Payload filter");
        await Expect(page.Locator("[data-testid=designer]")).ToHaveAttributeAsync("data-problem-count", "1");
        await page.ScreenshotAsync("issue18-1-invalid-filter");

        Assert.True(scale >= 0.6, $"the demo opened at zoom {scale}");
        Assert.Empty(errors);
    }

    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"[data-testid={testId}] input, input[data-testid={testId}], [data-testid={testId}] textarea, textarea[data-testid={testId}]").First;

    private static async Task FillAsync(IPage page, string testId, string value)
    {
        var input = Field(page, testId);
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }
}
