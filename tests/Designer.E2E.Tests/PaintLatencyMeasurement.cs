using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Runtime.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.E2E.Tests;

/// <summary>
/// Measures event → paint on the live run page in Chromium: the page records, per painted status, the delay from the
/// event's server time to the animation frame that shows it (browser and server share the clock on this host).
/// The push path (the default) is compared with a same-run baseline whose trace sink publishes nothing, so the
/// page sees rows only through the database poll — exactly what a run hosted on another silo looks like.
/// Explicit: run with <c>-method Designer.E2E.Tests.PaintLatencyMeasurement.Measure_EventToPaint_PushAgainstPollOnly -explicit only</c>.
/// </summary>
public sealed class PaintLatencyMeasurement(BrowserSession session) : IClassFixture<BrowserSession>
{
    private const int Runs = 30;

    [Fact(Explicit = true)]
    public async Task Measure_EventToPaint_PushAgainstPollOnly()
    {
        session.RequireBrowser();
        var push = await MeasureAsync(null);
        var poll = await MeasureAsync(services => services.AddSingleton(sp => new DurableTraceSink(sp.GetRequiredService<IRunStore>(), sp.GetRequiredService<StorageFaults>())));
        var report = new StringBuilder()
            .AppendLine("| Path | Samples | p50 ms | p95 ms | max ms |")
            .AppendLine("|---|---|---|---|---|")
            .AppendLine(Row("push (ITraceNotifier)", push))
            .AppendLine(Row("poll only (baseline, 250 ms interval)", poll))
            .AppendLine(CultureInfo.InvariantCulture, $"p95 ratio push / poll-only: {Percentile(push, 95) / Percentile(poll, 95):F3}")
            .ToString();
        File.WriteAllText(Path.Combine(BrowserSession.ScreenshotDirectory, "paint-latency.md"), report);
        TestContext.Current.SendDiagnosticMessage(report);
        Console.WriteLine(report);
        Assert.NotEmpty(push);
        Assert.NotEmpty(poll);
    }

    private async Task<List<double>> MeasureAsync(Action<IServiceCollection>? services)
    {
        await using var app = new E2EApp(services);
        var address = app.BaseAddress;
        var workflowId = await RunsDemo.PublishAsync(address);
        using var operatorClient = await DemoApi.ClientAsync(address, "operator");
        using var approver = await DemoApi.ClientAsync(address, "approver");
        await using var context = await session.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RecordPaintsAsync();
        await page.LogInAsync(address, "viewer");
        var samples = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var started = await operatorClient.PostAsJsonAsync($"/api/workflows/{workflowId}/runs", new { input = Web.Runs.DemoSamples.All[1].Input });
            var runId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["runId"]!.GetValue<Guid>();
            await page.GotoAsync(new Uri(address, $"/runs/{runId}").ToString());
            await page.WaitForCanvasAsync();
            await page.WaitForNodeAsync("review", "waiting");
            var before = (await page.PaintsAsync()).Count;
            var task = await PendingTaskAsync(approver, runId);
            (await approver.PostAsJsonAsync($"/api/tasks/{task}/decision", new { decision = "approve" })).EnsureSuccessStatusCode();
            await page.WaitForNodeAsync("analyst", "succeeded");
            await page.WaitForTimeoutAsync(50);
            // Only paints after the decision: those events happened while the page was open.
            samples.AddRange((await page.PaintsAsync()).Skip(before).Where(p => p.Ms is not null).Select(p => p.Ms!.Value));
        }

        return samples;
    }

    // The gate's request row is written just before its task; wait for the task.
    private static async Task<Guid> PendingTaskAsync(HttpClient approver, Guid runId)
    {
        while (true)
        {
            var items = (await approver.GetFromJsonAsync<JsonObject>($"/api/tasks?status=pending&runId={runId}"))!["items"]!.AsArray();
            if (items.Count > 0)
            {
                return items[0]!["id"]!.GetValue<Guid>();
            }

            await Task.Delay(10);
        }
    }

    private static string Row(string name, List<double> samples) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {name} | {samples.Count} | {Percentile(samples, 50):F1} | {Percentile(samples, 95):F1} | {samples.Max():F1} |");

    private static double Percentile(List<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
