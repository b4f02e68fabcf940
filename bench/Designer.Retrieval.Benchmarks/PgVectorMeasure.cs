using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using Designer.Retrieval.Indexes;
using Designer.Retrieval.Postgres;

namespace Designer.Retrieval.Benchmarks;

/// <summary>The same sweep against pgvector; every figure is labelled PGlite/WASM when run against PGlite.</summary>
internal static class PgVectorMeasure
{
    public static async Task RunAsync(string connectionString, float[][] allVectors, float[][] allQueries, int count, int[] efs)
    {
        var vectors = allVectors.Take(count).ToArray();
        var queries = allQueries.Take(Math.Min(allQueries.Length, 200)).ToArray();
        var prefix = "b" + Guid.NewGuid().ToString("N")[..8] + "_";
        await using var provider = new PgVectorIndexProvider(connectionString, new PgVectorOptions { TablePrefix = prefix });
        var index = await provider.CreateAsync("bench", vectors[0].Length);
        var build = Stopwatch.StartNew();
        foreach (var chunk in vectors.Select((v, i) => new VectorRecord(i.ToString(CultureInfo.InvariantCulture), v)).Chunk(500))
        {
            await index.UpsertAsync(chunk);
        }

        build.Stop();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pgvector (PGlite/WASM, one connection, HNSW m=16 ef_construction=64, index maintained during insert): base={count}, queries={queries.Length}, insert {build.Elapsed.TotalSeconds:F1} s"));
        var truth = queries.Select(q => Exact(vectors, q)).ToArray();
        Console.WriteLine(LatencyStats.Header);
        foreach (var ef in efs)
        {
            var found = 0;
            var single = LatencyStats.SingleThread(queries.Length, q =>
            {
                var hits = index.SearchAsync(new SearchRequest { Vector = queries[q], TopK = 10, EfSearch = ef }).GetAwaiter().GetResult();
                found += hits.Count(h => truth[q].Contains(h.Id));
            });
            Console.WriteLine(LatencyStats.Row($"pgvector PGlite/WASM ef={ef}", found / (10.0 * queries.Length), single, double.NaN));
        }

        await provider.DropAsync("bench");
        MeasureEmbeddedOnSameSubset(vectors, queries, truth, efs);
    }

    /// <summary>The embedded index on the same subset and queries, so the pgvector rows have a like-for-like neighbour.</summary>
    private static void MeasureEmbeddedOnSameSubset(float[][] vectors, float[][] queries, HashSet<string>[] truth, int[] efs)
    {
        var folder = Path.Combine(Path.GetTempPath(), "designer-retrieval-bench", Guid.NewGuid().ToString("N"));
        using (var index = Designer.Retrieval.Embedded.EmbeddedVectorIndex.Open(folder, "subset", vectors[0].Length, new() { ExactSearchThreshold = 0 }))
        {
            index.UpsertAsync([.. vectors.Select((v, i) => new VectorRecord(i.ToString(CultureInfo.InvariantCulture), v))]).GetAwaiter().GetResult();
            Console.WriteLine($"embedded HNSW on the same {vectors.Length} vectors and {queries.Length} queries:");
            foreach (var ef in efs)
            {
                var found = 0;
                var single = LatencyStats.SingleThread(queries.Length, q =>
                {
                    var hits = index.SearchAsync(new SearchRequest { Vector = queries[q], TopK = 10, EfSearch = ef }).GetAwaiter().GetResult();
                    found += hits.Count(h => truth[q].Contains(h.Id));
                });
                Console.WriteLine(LatencyStats.Row($"embedded subset ef={ef}", found / (10.0 * queries.Length), single, double.NaN));
            }
        }

        Directory.Delete(folder, recursive: true);
    }

    private static HashSet<string> Exact(float[][] vectors, float[] query) =>
        vectors.Select((v, i) => (Id: i, Score: TensorPrimitives.Dot(v, query)))
            .OrderByDescending(x => x.Score).Take(10)
            .Select(x => x.Id.ToString(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
}
