using System.Diagnostics;
using System.Globalization;
using Designer.Inference.Serving;

namespace Designer.Inference.Benchmarks;

/// <summary>
/// Closed-loop load: N callers each send single-row requests back to back for a fixed time; reports throughput
/// and p50/p95 per-request latency for one-by-one and batched serving, same process, same session.
/// </summary>
internal static class LoadDriver
{
    public static async Task RunAsync(TimeSpan duration, int maxWaitMs, string[] models)
    {
        Console.WriteLine($"| model | callers | mode | req/s | p50 ms | p95 ms | speed-up |  (duration {duration.TotalSeconds:0.#} s per cell, MaxBatch 32, MaxWait {maxWaitMs} ms)");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var model in models)
        {
            var (runner, rows) = BenchModels.Create(model);
            await using var batcher = new DynamicBatcher(
                new ModelKey(model, 1), runner, new BatchingOptions(32, TimeSpan.FromMilliseconds(maxWaitMs), 4096, TimeSpan.FromSeconds(30)), TimeProvider.System);
            foreach (var callers in new[] { 1, 8, 32, 128 })
            {
                var single = await MeasureAsync(callers, duration, rows, row =>
                {
                    runner.Execute(row, 1);
                    return Task.CompletedTask;
                });
                var batched = await MeasureAsync(callers, duration, rows, row => batcher.InferAsync([row], CancellationToken.None));
                Print(model, callers, "one-by-one", single, 1.0);
                Print(model, callers, "batched", batched, batched.Throughput / single.Throughput);
            }

            (runner as IDisposable)?.Dispose();
        }
    }

    private static void Print(string model, int callers, string mode, (double Throughput, double P50, double P95) r, double ratio) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {model} | {callers} | {mode} | {r.Throughput:0} | {r.P50:0.000} | {r.P95:0.000} | {ratio:0.00}x |"));

    private static async Task<(double Throughput, double P50, double P95)> MeasureAsync(
        int callers, TimeSpan duration, float[][] rows, Func<float[], Task> call)
    {
        var latencies = new List<double>[callers];
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = new List<double>(4096);
            for (var i = 0; Stopwatch.GetTimestamp() < stopAt; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                await call(rows[((c * 97) + i) % rows.Length]);
                mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return (all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.95));
    }

    private static double Percentile(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, q * sorted.Length)];
}
