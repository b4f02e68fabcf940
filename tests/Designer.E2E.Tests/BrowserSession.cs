using Microsoft.Playwright;

namespace Designer.E2E.Tests;

/// <summary>Debian's Chromium through Playwright: no browser download, flags that suit a closed network.</summary>
public sealed class BrowserSession : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        // Expectations wait on gestures that cross the circuit and the database; Playwright's 5 s default is close to
        // what a loaded 2-core machine needs. Locator waits already allow 30 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        var chromium = Environment.GetEnvironmentVariable("DESIGNER_TEST_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            var message = $"Chromium not found at {chromium}: run scripts/test.sh, which installs Debian's chromium.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(message);
            }

            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>Skips (or, under CI, has already failed) when no Chromium is installed.</summary>
    public void RequireBrowser() => Assert.SkipWhen(_playwright is null, "Chromium is not installed; run scripts/test.sh.");

    public async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
    }
}
