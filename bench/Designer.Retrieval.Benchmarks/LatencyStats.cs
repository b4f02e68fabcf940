using System.Diagnostics;
using System.Globalization;

namespace Designer.Retrieval.Benchmarks;

/// <summary>Runs a query function over every query on one thread (latencies) and on all cores (throughput).</summary>
internal static class LatencyStats
{
    public static (double QueriesPerSecond, double P50Ms, double P95Ms) SingleThread(int queries, Action<int> search)
    {
        var latencies = new double[queries];
        var total = Stopwatch.StartNew();
        for (var q = 0; q < queries; q++)
        {
            var start = Stopwatch.GetTimestamp();
            search(q);
            latencies[q] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        total.Stop();
        Array.Sort(latencies);
        return (queries / total.Elapsed.TotalSeconds, latencies[queries / 2], latencies[(int)(queries * 0.95)]);
    }

    public static double AllCores(int queries, Action<int> search)
    {
        var total = Stopwatch.StartNew();
        Parallel.For(0, queries, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, search);
        return queries / total.Elapsed.TotalSeconds;
    }

    public static string Row(string name, double recall, (double Qps, double P50, double P95) single, double parallel) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name,-26} | {recall,6:F4} | {single.Qps,9:F0} | {(double.IsNaN(parallel) ? "n/a" : parallel.ToString("F0", CultureInfo.InvariantCulture)),9} | {single.P50,7:F3} | {single.P95,7:F3} |");

    public const string Header =
        "| index                      | recall@10 | q/s 1 thread | q/s all cores | p50 ms | p95 ms |\n" +
        "|----------------------------|--------|-----------|-----------|---------|---------|";
}
