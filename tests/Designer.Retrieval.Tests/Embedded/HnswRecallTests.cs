using Designer.Retrieval.Embedded;
using Designer.Retrieval.Indexes;
using Designer.Retrieval.Tests.Support;

namespace Designer.Retrieval.Tests.Embedded;

public sealed class HnswRecallTests : IDisposable
{
    private static readonly ClusteredData Data = new(Dimension: 64, LatentDimension: 16, Clusters: 50, Seed: 11);
    private readonly string _folder = TestEnvironment.NewTempFolder();

    [Theory]
    [InlineData(1)]
    [InlineData(4)] // linked by four threads at once: the striped link locks must not cost recall
    public async Task Search_SeededClustered5kBy64_RecallAt10AtLeast095VersusExact(int buildParallelism)
    {
        // Arrange
        var vectors = Data.Generate(5_000);
        var queries = Data.Generate(200, stream: 1);
        var options = new EmbeddedIndexOptions { ExactSearchThreshold = 0, EfSearch = 64, BuildParallelism = buildParallelism };
        using var index = EmbeddedVectorIndex.Open(_folder, "recall", 64, options);
        await index.UpsertAsync([.. vectors.Select((v, i) => new VectorRecord($"v{i}", v))], TestContext.Current.CancellationToken);

        // Act
        var found = 0;
        foreach (var query in queries)
        {
            var truth = index.ExactSearchIds(query, 10).ToHashSet(StringComparer.Ordinal);
            var hits = await index.SearchAsync(new SearchRequest { Vector = query, TopK = 10 }, TestContext.Current.CancellationToken);
            found += hits.Count(h => truth.Contains(h.Id));
        }

        // Assert
        var recall = found / (10.0 * queries.Length);
        Assert.True(recall >= 0.95, $"recall@10 = {recall:F3}");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task UpsertAsync_ParallelBatches_EveryRecordFindsItself(int buildParallelism)
    {
        // Regression (CI of 2026-12-04, EmbeddedPersistenceTests): a batch linked on two threads lost about one node
        // in 300 — a concurrent insertion descended through a node whose lower layers were not linked yet, linked only
        // to it, and the node's own links then overwrote the back link. Twenty small batches made that near certain.
        var small = new ClusteredData(Dimension: 32, LatentDimension: 8, Clusters: 10, Seed: 3);
        var vectors = small.Generate(300);
        var misses = new List<string>();
        for (var build = 0; build < 20; build++)
        {
            var folder = Path.Combine(_folder, $"b{build}");
            using var index = EmbeddedVectorIndex.Open(folder, "self", 32, new EmbeddedIndexOptions { ExactSearchThreshold = 0, BuildParallelism = buildParallelism });
            await index.UpsertAsync([.. vectors.Select((v, i) => new VectorRecord($"v{i}", v))], TestContext.Current.CancellationToken);

            for (var i = 0; i < vectors.Length; i++)
            {
                var hit = (await index.SearchAsync(new SearchRequest { Vector = vectors[i], TopK = 1 }, TestContext.Current.CancellationToken))[0];
                if (hit.Id != $"v{i}")
                {
                    misses.Add($"build {build}: v{i} found {hit.Id}");
                }
            }
        }

        Assert.Empty(misses);
    }

    [Fact]
    public async Task Search_FilterMatchingFewRecords_FallsBackToExactAndFindsThem()
    {
        var vectors = Data.Generate(3_000);
        using var index = EmbeddedVectorIndex.Open(_folder, "filtered", 64, new EmbeddedIndexOptions { ExactSearchThreshold = 0, EfSearch = 16 });
        var records = vectors.Select((v, i) => new VectorRecord($"v{i}", v, null, new() { ["rare"] = i % 1000 == 0 })).ToList();
        await index.UpsertAsync(records, TestContext.Current.CancellationToken);

        var hits = await index.SearchAsync(new SearchRequest { Vector = vectors[1], TopK = 5, Filter = PayloadFilter.Equal("rare", true) }, TestContext.Current.CancellationToken);

        Assert.Equal(["v0", "v1000", "v2000"], hits.Select(h => h.Id).Order(StringComparer.Ordinal));
    }

    public void Dispose() => TestEnvironment.DeleteFolder(_folder);
}
