using Microsoft.Playwright;

namespace Designer.E2E.Tests;

internal static class PageExtensions
{
    /// <summary>Blazor Server prerenders: clicks before the circuit is up are lost, so wait for the layout's marker.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.WaitForSelectorAsync("[data-interactive=true]", new() { State = WaitForSelectorState.Attached });

    public static async Task LogInAsync(this IPage page, Uri app, string role)
    {
        await page.GotoAsync(new Uri(app, "/login").ToString());
        await page.FillAsync("#email", $"{role}@demo.local");
        await page.FillAsync("#password", E2EApp.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/workflows");
        await page.WaitForInteractiveAsync();
    }

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, name + ".png"), FullPage = true });
}
