using System.Diagnostics;
using System.Globalization;
using Designer.Retrieval.Embedded;
using Designer.Retrieval.Indexes;

namespace Designer.Retrieval.Benchmarks;

/// <summary>The recall / latency / throughput sweep: embedded HNSW at several efSearch values, exact search, pgvector.</summary>
internal static class Measure
{
    public static async Task RunAsync(Arguments options)
    {
        var count = options.Int("count", 100_000);
        var queryCount = options.Int("queries", 1_000);
        var efs = options.Ints("ef", [16, 24, 32, 48, 64, 96, 128, 200]);
        var data = new ClusteredData(Seed: options.Int("seed", 7));
        Console.WriteLine(data.Describe());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"base={count}, queries={queryCount}, cores={Environment.ProcessorCount}, build threads={options.Int("build-threads", Environment.ProcessorCount)}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, k=10, M=16, efConstruction=200"));
        var vectors = data.Generate(count);
        var queries = data.Generate(queryCount, stream: 1);

        var folder = Path.Combine(Path.GetTempPath(), "designer-retrieval-bench", Guid.NewGuid().ToString("N"));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var build = Stopwatch.StartNew();
        using var index = EmbeddedVectorIndex.Open(folder, "bench", data.Dimension, new EmbeddedIndexOptions { ExactSearchThreshold = 0, BuildParallelism = options.Int("build-threads", Environment.ProcessorCount) });
        foreach (var chunk in vectors.Select((v, i) => new VectorRecord(i.ToString(CultureInfo.InvariantCulture), v)).Chunk(5_000))
        {
            await index.UpsertAsync(chunk);
        }

        build.Stop();
        var managed = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"embedded build (upsert incl. WAL fsync + snapshots): {build.Elapsed.TotalSeconds:F1} s, {count / build.Elapsed.TotalSeconds:F0} vectors/s; managed heap +{managed / 1048576.0:F0} MiB (raw vectors {count * (long)data.Dimension * 4 / 1048576.0:F0} MiB), working set {Environment.WorkingSet / 1048576.0:F0} MiB"));

        var truth = new HashSet<string>[queryCount];
        var exactSingle = LatencyStats.SingleThread(queryCount, q => truth[q] = index.ExactSearchIds(queries[q], 10).ToHashSet(StringComparer.Ordinal));
        var exactParallel = LatencyStats.AllCores(queryCount, q => index.ExactSearchIds(queries[q], 10));
        Console.WriteLine();
        Console.WriteLine(LatencyStats.Header);
        Console.WriteLine(LatencyStats.Row("exact (brute force, SIMD)", 1.0, exactSingle, exactParallel));
        foreach (var ef in efs)
        {
            var found = 0;
            var request = new SearchRequest { TopK = 10, EfSearch = ef };
            var single = LatencyStats.SingleThread(queryCount, q =>
            {
                var hits = index.SearchAsync(request with { Vector = queries[q] }).GetAwaiter().GetResult();
                found += hits.Count(h => truth[q].Contains(h.Id));
            });
            var parallel = LatencyStats.AllCores(queryCount, q => index.SearchAsync(request with { Vector = queries[q] }).GetAwaiter().GetResult());
            var recall = found / (10.0 * queryCount);
            Console.WriteLine(LatencyStats.Row($"embedded HNSW ef={ef}", recall, single, parallel)
                + string.Create(CultureInfo.InvariantCulture, $" {single.QueriesPerSecond / exactSingle.QueriesPerSecond,5:F0}x exact"));
        }

        index.Dispose();
        Directory.Delete(folder, recursive: true);
        if (options.String("hnswlib") == "on")
        {
            await HnswlibBaseline.RunAsync(vectors, queries, truth, efs);
        }

        if (Environment.GetEnvironmentVariable("DESIGNER_TEST_PGVECTOR") is { Length: > 0 } connectionString)
        {
            await PgVectorMeasure.RunAsync(connectionString, vectors, queries, options.Int("pg-count", Math.Min(count, 10_000)), efs);
        }
        else
        {
            Console.WriteLine("pgvector: skipped (DESIGNER_TEST_PGVECTOR not set)");
        }
    }
}
