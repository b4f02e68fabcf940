using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

// Measures the spike the way tests/Designer.E2E.Tests/CanvasBenchmark.cs measures the X6 designer: per render mode,
// and draft (100/120 baseline, 1,000/1,200), one warm-up open, then 5 opens in a 1600×1000 Chromium page, each followed by a 2 s drag.
// Usage: Spike.Runner <base url of a running Spike.Server> [virtualize]
var baseUrl = args.Length > 0 ? args[0] : "http://127.0.0.1:5199";
var virtualize = args.Contains("virtualize");
const int Repeats = 5;
var dragDuration = TimeSpan.FromSeconds(2);

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = Environment.GetEnvironmentVariable("DESIGNER_TEST_CHROMIUM") ?? "/usr/bin/chromium",
    Args = ["--no-sandbox"],
});

if (args.Contains("probe"))
{
    var probe = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
    await probe.GotoAsync($"{baseUrl}/diagram?mode={(args.Contains("wasm") ? "wasm" : "server")}");
    await probe.WaitForFunctionAsync("() => window.__spikeLoaded !== undefined", null, new() { Timeout = 300_000 });
    await probe.ScreenshotAsync(new() { Path = "probe.png" });
    Console.WriteLine(await probe.EvaluateAsync<string>("""
        () => JSON.stringify({ loaded: window.__spikeLoaded, m: performance.getEntriesByName('diagram:load')[0],
            nodes: document.querySelectorAll('.diagram-node').length, links: document.querySelectorAll('g.diagram-link').length,
            first: [...document.querySelectorAll('.diagram-node')].slice(0, 3).map(e => [e.outerHTML.slice(0, 300), JSON.stringify(e.getBoundingClientRect())]),
            canvas: document.querySelector('.diagram-canvas')?.getBoundingClientRect() })
        """));
    return;
}

var lines = new List<string>
{
    $"load average at start: {File.ReadAllText("/proc/loadavg").Trim()}",
    "| mode | draft | nodes in DOM | links in DOM | open (ms, median) | diagram:load (ms, median) | drag frame p50 (ms) | drag frame p95 (ms) | WS frames sent during 2 s drag (max) | WS frames received during open (median) | interop .NET→JS during open (median) | interop JS→.NET during open (median) | pointer moves sent during drag (median) | node moves painted during drag (median) | catch-up after last pointer move (ms, median) |",
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
};
foreach (var (mode, nodes, edges) in new[] { ("server", 100, 120), ("server", 1000, 1200), ("wasm", 100, 120), ("wasm", 1000, 1200) })
{
    await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
    var page = await context.NewPageAsync();
    var counter = new Frames(page);
    var url = $"{baseUrl}/diagram?mode={mode}&nodes={nodes}&edges={edges}{(virtualize ? "&virtualize=true" : string.Empty)}";
    await OpenAsync(page, url, counter); // warm-up
    var opens = new List<double>();
    var loads = new List<double>();
    var frames = new List<double>();
    var sent = new List<int>();
    var received = new List<double>();
    var toJs = new List<double>();
    var toNet = new List<double>();
    var moves = new List<double>();
    var steps = new List<double>();
    var catchUps = new List<double>();
    (int Nodes, int Links) dom = default;
    for (var i = 0; i < Repeats; i++)
    {
        var open = await OpenAsync(page, url, counter);
        opens.Add(open.Open);
        loads.Add(open.Load);
        received.Add(open.Received);
        toJs.Add(open.ToJs);
        toNet.Add(open.ToNet);
        dom = (open.Nodes, open.Links);
        var (deltas, count, moved, catchUp, pointer) = await DragAsync(page, counter, dragDuration);
        steps.Add(pointer);
        frames.AddRange(deltas);
        sent.Add(count);
        moves.Add(moved);
        catchUps.Add(catchUp);
        Console.Error.WriteLine($"{mode} {nodes} #{i}: pointer moves {pointer}, open {open.Open:0} ms, p95 so far {Percentile(frames, 0.95):0.0}, sent {count}, moves {moved}, catch-up {catchUp:0} ms");
    }

    lines.Add($"| {mode}{(virtualize ? " (virtualised)" : string.Empty)} | {nodes} / {edges} | {dom.Nodes} | {dom.Links} | {F(Median(opens))} | {F(Median(loads))} | {F(Percentile(frames, 0.5))} | {F(Percentile(frames, 0.95))} | {sent.Max()} | {F(Median(received))} | {F(Median(toJs))} | {F(Median(toNet))} | {F(Median(steps))} | {F(Median(moves))} | {F(Median(catchUps))} |");
}

lines.Add($"load average at end: {File.ReadAllText("/proc/loadavg").Trim()}");
var report = string.Join('\n', lines);
Console.WriteLine(report);
File.WriteAllText(virtualize ? "blazor-diagrams-benchmark-virtualised.md" : "blazor-diagrams-benchmark.md", report + "\n");
return;

static async Task<OpenResult> OpenAsync(IPage page, string url, Frames counter)
{
    var before = counter.Received;
    await page.GotoAsync(url);
    await page.WaitForFunctionAsync("() => window.__spikeLoaded !== undefined", null, new() { Timeout = 300_000, PollingInterval = 50 });
    var received = counter.Received - before;
    var m = await page.EvaluateAsync<double[]>("""
        () => { const m = performance.getEntriesByName('diagram:load')[0]; const l = window.__spikeLoaded;
                return [m.startTime + m.duration, m.duration, l.interop.toJs, l.interop.toDotNet,
                        document.querySelectorAll('.diagram-node').length,
                        document.querySelectorAll('g.diagram-link').length]; }
        """);
    return new OpenResult(m[0], m[1], received, m[2], m[3], (int)m[4], (int)m[5]);
}

static async Task<(IReadOnlyList<double> Deltas, int Sent, int Moves, double CatchUp, int Steps)> DragAsync(IPage page, Frames counter, TimeSpan duration)
{
    await page.WaitForTimeoutAsync(500);
    // A node in the middle of those on screen (the canvas mounts all 1,000; X6 picks among its mounted, visible ones).
    var box = await page.EvaluateAsync<double[]>("""
        () => { const seen = [...document.querySelectorAll('.diagram-node')]
                    .filter(e => { const r = e.getBoundingClientRect();
                                   return r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight; });
                const el = seen[Math.floor(seen.length / 2)], r = el.getBoundingClientRect();
                // Counts the moves the page paints for the dragged node and when the last one landed.
                window.__moves = 0; window.__lastMove = performance.now();
                window.__mo?.disconnect();
                window.__mo = new MutationObserver(() => { window.__moves++; window.__lastMove = performance.now(); });
                window.__mo.observe(el, { attributes: true, attributeFilter: ['style'] });
                return [r.x, r.y, r.width, r.height]; }
        """);
    var (x, y) = ((float)(box[0] + (box[2] / 2)), (float)(box[1] + (box[3] / 2)));
    await page.EvaluateAsync("""
        () => { window.__frames = []; window.__recording = true; let last;
                const tick = t => { if (last !== undefined) window.__frames.push(t - last); last = t;
                                    if (window.__recording) requestAnimationFrame(tick); };
                requestAnimationFrame(tick); }
        """);
    var before = counter.Sent;
    await page.Mouse.MoveAsync(x, y);
    await page.Mouse.DownAsync();
    var clock = Stopwatch.StartNew();
    var steps = 0;
    for (var step = 0; clock.Elapsed < duration; step++, steps++)
    {
        await page.Mouse.MoveAsync(x + (float)(120 * Math.Sin(step / 10.0)), y + (float)(60 * Math.Cos(step / 10.0)));
    }

    var sent = counter.Sent - before;
    var movesDuringDrag = await page.EvaluateAsync<int>("() => { window.__dragEnd = performance.now(); return window.__moves; }");
    await page.Mouse.UpAsync();
    var deltas = await page.EvaluateAsync<double[]>("() => { window.__recording = false; return window.__frames; }");
    // Catch-up: how long after the last pointer move the node's last move was painted (quiet for 1 s = done).
    var catchUp = await page.EvaluateAsync<double>("""
        () => new Promise(resolve => { const poll = () => performance.now() - window.__lastMove > 1000
                  ? resolve(Math.max(0, window.__lastMove - window.__dragEnd)) : setTimeout(poll, 50); poll(); })
        """);
    return (deltas, sent, movesDuringDrag, catchUp, steps);
}

static double Median(List<double> values) => Percentile(values, 0.5);

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
}

static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);

internal sealed record OpenResult(double Open, double Load, int Received, double ToJs, double ToNet, int Nodes, int Links);

/// <summary>WebSocket frames the page sends and receives (the Blazor circuit is the page's only socket).</summary>
internal sealed class Frames
{
    private int _sent;
    private int _received;

    public Frames(IPage page) => page.WebSocket += (_, socket) =>
    {
        socket.FrameSent += (_, _) => Interlocked.Increment(ref _sent);
        socket.FrameReceived += (_, _) => Interlocked.Increment(ref _received);
    };

    public int Sent => Volatile.Read(ref _sent);

    public int Received => Volatile.Read(ref _received);
}
