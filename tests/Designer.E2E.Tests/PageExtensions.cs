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
        try
        {
            await page.WaitForAddressAsync(new System.Text.RegularExpressions.Regex("/workflows$"));
        }
        catch (PlaywrightException e)
        {
            var shown = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            throw new TimeoutException($"{role} did not land on /workflows; the page is {page.Url}: {shown[..Math.Min(shown.Length, 400)]}", e);
        }

        await page.WaitForInteractiveAsync();
    }

    /// <summary>
    /// Waits until the address matches, polling it: Playwright's WaitForURL, when the address already matched, waited
    /// for a load state it had missed and timed out at 30 s on a loaded machine — the page was there, fully rendered
    /// (CI, 2026-11-24; microsoft/playwright-dotnet#2897). Callers then wait for what they need (a selector).
    /// </summary>
    public static Task WaitForAddressAsync(this IPage page, System.Text.RegularExpressions.Regex url) =>
        Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = 30_000 });

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, name + ".png"), FullPage = true });
}
