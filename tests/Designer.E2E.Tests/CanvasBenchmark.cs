using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace Designer.E2E.Tests;

/// <summary>
/// The canvas at scale, measured in Chromium: opening a generated draft, the frame times while a node is dragged,
/// and the Blazor circuit messages the drag sends. Explicit, so it never runs with the assertions; run it with
/// <c>-explicit only</c> (see docs/benchmarks.md). Every figure is also given as a ratio against a small draft
/// measured in the same run.
/// </summary>
public sealed class CanvasBenchmark(BrowserSession session, ITestOutputHelper output) : IClassFixture<BrowserSession>, IAsyncLifetime
{
    private const int Repeats = 5;
    private static readonly TimeSpan DragDuration = TimeSpan.FromSeconds(2);
    private readonly E2EApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact(Explicit = true)]
    public async Task Canvas_OpenAndDrag_BaselineAndThousandNodes()
    {
        session.RequireBrowser();
        var app = _app.BaseAddress;
        var small = await DemoApi.CreateWorkflowAsync(app, LargeWorkflow.Create(100, 120));
        var large = await DemoApi.CreateWorkflowAsync(app, LargeWorkflow.Create(1000, 1200));
        await using var context = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.LogInAsync(app, "author");
        var frames = new SentFrames(page);

        // Warm-up: the first open pays for JIT on the server and module compilation in the browser.
        await OpenAsync(page, app, small);
        var baseline = await MeasureAsync(page, app, small, frames);
        var thousand = await MeasureAsync(page, app, large, frames);

        var report = Report(baseline, thousand);
        output.WriteLine(report);
        Directory.CreateDirectory(BrowserSession.ScreenshotDirectory);
        await File.WriteAllTextAsync(Path.Combine(BrowserSession.ScreenshotDirectory, "canvas-benchmark.md"), report, TestContext.Current.CancellationToken);
        Assert.True(thousand.Cells > 0);
    }

    private static async Task<(double Open, double Load, int Cells)> OpenAsync(IPage page, Uri app, Guid id)
    {
        await page.GotoAsync(new Uri(app, $"/workflows/{id}/designer").ToString());
        await page.WaitForFunctionAsync("() => performance.getEntriesByName('designer:load').length > 0", null, new() { Timeout = 120_000 });
        var m = await page.EvaluateAsync<double[]>("""
            () => { const m = performance.getEntriesByName('designer:load')[0];
                    return [m.startTime + m.duration, m.duration,
                            document.querySelectorAll('[data-canvas-surface] g[data-cell-id]').length]; }
            """);
        return (m[0], m[1], (int)m[2]);
    }

    private static async Task<Run> MeasureAsync(IPage page, Uri app, Guid id, SentFrames frames)
    {
        var opens = new List<double>();
        var loads = new List<double>();
        var frameTimes = new List<double>();
        var messages = new List<int>();
        var cells = 0;
        for (var i = 0; i < Repeats; i++)
        {
            var (open, load, count) = await OpenAsync(page, app, id);
            cells = count;
            opens.Add(open);
            loads.Add(load);
            var (deltas, sent) = await DragAsync(page, frames);
            frameTimes.AddRange(deltas);
            messages.Add(sent);
        }

        return new Run(cells, Median(opens), Median(loads), Percentile(frameTimes, 0.5), Percentile(frameTimes, 0.95), messages.Max());
    }

    /// <summary>Drags a node on screen for two seconds, recording frame deltas and the circuit frames sent meanwhile.</summary>
    private static async Task<(IReadOnlyList<double> Deltas, int Sent)> DragAsync(IPage page, SentFrames frames)
    {
        // Let the circuit settle (render acks, autosave of nothing) before counting.
        await page.WaitForTimeoutAsync(500);
        var rendered = page.Locator("[data-canvas-surface] g.x6-node rect");
        var box = (await rendered.Nth(await rendered.CountAsync() / 2).BoundingBoxAsync())!;
        var (x, y) = (box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.EvaluateAsync("""
            () => { window.__frames = []; window.__recording = true; let last;
                    const tick = t => { if (last !== undefined) window.__frames.push(t - last); last = t;
                                        if (window.__recording) requestAnimationFrame(tick); };
                    requestAnimationFrame(tick); }
            """);
        var before = frames.Count;
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        var clock = Stopwatch.StartNew();
        for (var step = 0; clock.Elapsed < DragDuration; step++)
        {
            await page.Mouse.MoveAsync(x + (float)(120 * Math.Sin(step / 10.0)), y + (float)(60 * Math.Cos(step / 10.0)));
        }

        var sent = frames.Count - before;
        await page.Mouse.UpAsync();
        var deltas = await page.EvaluateAsync<double[]>("() => { window.__recording = false; return window.__frames; }");
        return (deltas, sent);
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
    }

    private static string Report(Run baseline, Run large)
    {
        static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        static string R(double a, double b) => b == 0 ? "—" : (a / b).ToString("0.00", CultureInfo.InvariantCulture) + "×";
        return string.Join('\n',
            "| draft | cells | open (ms, median) | load() (ms) | drag frame p50 (ms) | drag frame p95 (ms) | circuit messages sent during 2 s drag (max) |",
            "|---|---|---|---|---|---|---|",
            $"| 100 nodes / 120 edges (baseline) | {baseline.Cells} | {F(baseline.Open)} | {F(baseline.Load)} | {F(baseline.P50)} | {F(baseline.P95)} | {baseline.Messages} |",
            $"| 1,000 nodes / 1,200 edges | {large.Cells} | {F(large.Open)} | {F(large.Load)} | {F(large.P50)} | {F(large.P95)} | {large.Messages} |",
            $"| ratio | | {R(large.Open, baseline.Open)} | {R(large.Load, baseline.Load)} | {R(large.P50, baseline.P50)} | {R(large.P95, baseline.P95)} | |");
    }

    private sealed record Run(int Cells, double Open, double Load, double P50, double P95, int Messages);

    /// <summary>Counts WebSocket frames the page sends (the Blazor circuit is the page's only socket).</summary>
    private sealed class SentFrames
    {
        private int _count;

        public SentFrames(IPage page) => page.WebSocket += (_, socket) => socket.FrameSent += (_, _) => Interlocked.Increment(ref _count);

        public int Count => Volatile.Read(ref _count);
    }
}
