using Designer.Retrieval.Embedded;
using Designer.Retrieval.Indexes;
using Designer.Retrieval.Tests.Support;

namespace Designer.Retrieval.Tests.Embedded;

public sealed class EmbeddedConcurrencyTests : IDisposable
{
    private readonly string _folder = TestEnvironment.NewTempFolder();

    [Fact]
    public async Task Search_WhileUpserting_NeverFailsAndSeesConsistentResults()
    {
        // Arrange
        var data = new ClusteredData(Dimension: 32, LatentDimension: 8, Clusters: 10, Seed: 5).Generate(3_000);
        using var index = EmbeddedVectorIndex.Open(_folder, "c", 32, new EmbeddedIndexOptions { ExactSearchThreshold = 500 });
        await index.UpsertAsync([.. data.Take(1_000).Select((v, i) => new VectorRecord($"v{i}", v))], TestContext.Current.CancellationToken);
        using var done = new CancellationTokenSource();
        using var started = new CountdownEvent(4);

        // Act: four searchers run while one writer adds 2,000 records in batches.
        var searchers = Enumerable.Range(0, 4).Select(s => Task.Run(async () =>
        {
            var searches = 0;
            while (!done.IsCancellationRequested)
            {
                var hits = await index.SearchAsync(new SearchRequest { Vector = data[(searches * 7 + s) % 1_000], TopK = 10 }, CancellationToken.None);
                Assert.Equal(10, hits.Count);
                Assert.Equal(hits.Count, hits.Select(h => h.Id).Distinct().Count());
                if (searches++ == 0)
                {
                    started.Signal();
                }
            }

            return searches;
        })).ToList();
        started.Wait(TestContext.Current.CancellationToken); // the writer starts only once every searcher is running
        for (var start = 1_000; start < 3_000; start += 100)
        {
            await index.UpsertAsync([.. data.Skip(start).Take(100).Select((v, i) => new VectorRecord($"v{start + i}", v))], TestContext.Current.CancellationToken);
        }

        await done.CancelAsync();
        var counts = await Task.WhenAll(searchers);

        // Assert
        Assert.All(counts, c => Assert.True(c > 0));
        Assert.Equal(3_000, await index.CountAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose() => TestEnvironment.DeleteFolder(_folder);
}
