using Designer.Retrieval.Embedded;
using Designer.Retrieval.Indexes;
using Designer.Retrieval.Tests.Support;

namespace Designer.Retrieval.Tests.Embedded;

public sealed class EmbeddedPersistenceTests : IDisposable
{
    private static readonly ClusteredData Data = new(Dimension: 32, LatentDimension: 8, Clusters: 10, Seed: 3);
    private static readonly EmbeddedIndexOptions Crashing = new() { SnapshotOnDispose = false, ExactSearchThreshold = 0 };
    private readonly string _folder = TestEnvironment.NewTempFolder();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<VectorRecord> Records(int count, int offset = 0) =>
        [.. Data.Generate(count, stream: offset).Select((v, i) => new VectorRecord($"r{offset}-{i}", v, $"text number {i} of batch {offset}", new() { ["n"] = i }))];

    [Fact]
    public async Task Open_AfterGracefulDispose_RestoresRecordsGraphAndLexicalIndex()
    {
        var records = Records(300);
        using (var index = EmbeddedVectorIndex.Open(_folder, "c", 32, new EmbeddedIndexOptions { ExactSearchThreshold = 0 }))
        {
            await index.UpsertAsync(records, Ct);
            await index.DeleteAsync(["r0-5"], Ct);
        }

        using var reopened = EmbeddedVectorIndex.Open(_folder, "c", 32, new EmbeddedIndexOptions { ExactSearchThreshold = 0 });

        Assert.Equal(299, await reopened.CountAsync(Ct));
        var hit = (await reopened.SearchAsync(new SearchRequest { Vector = records[7].Vector, TopK = 1 }, Ct))[0];
        Assert.Equal("r0-7", hit.Id);
        Assert.Equal(7, (int)hit.Payload["n"]!);
        var lexical = await reopened.SearchAsync(new SearchRequest { Mode = SearchMode.Lexical, QueryText = "text", TopK = 400 }, Ct);
        Assert.Equal(299, lexical.Count);
    }

    [Fact]
    public async Task Open_AfterCrashWithoutSnapshot_ReplaysLogAndLosesNothing()
    {
        // Arrange: a snapshot, then writes that only reach the log before the "crash".
        using (var index = EmbeddedVectorIndex.Open(_folder, "c", 32, Crashing))
        {
            await index.UpsertAsync(Records(100), Ct);
            index.Snapshot();
            await index.UpsertAsync(Records(50, offset: 1), Ct);
            await index.DeleteAsync(["r0-0", "r0-1"], Ct);
            await index.UpsertAsync([new VectorRecord("r0-2", Records(1, offset: 2)[0].Vector, "overwritten after snapshot")], Ct);
            await index.DeleteByFilterAsync(PayloadFilter.Equal("n", 49), Ct); // r0-49 and r1-49
        }

        // Act
        using var reopened = EmbeddedVectorIndex.Open(_folder, "c", 32, Crashing);

        // Assert
        Assert.Equal(146, await reopened.CountAsync(Ct));
        var lexical = await reopened.SearchAsync(new SearchRequest { Mode = SearchMode.Lexical, QueryText = "overwritten" }, Ct);
        Assert.Equal("r0-2", Assert.Single(lexical).Id);
        var gone = await reopened.SearchAsync(new SearchRequest { Vector = Records(100)[0].Vector, TopK = 1 }, Ct);
        Assert.NotEqual("r0-0", gone[0].Id);
    }

    [Fact]
    public async Task Open_LogWithCorruptTail_KeepsValidEntriesAndIgnoresTail()
    {
        using (var index = EmbeddedVectorIndex.Open(_folder, "c", 32, Crashing))
        {
            await index.UpsertAsync(Records(20), Ct);
            await index.UpsertAsync(Records(20, offset: 1), Ct);
        }

        // A torn final write: chop the last entry in half, then append garbage.
        var log = Path.Combine(_folder, "wal.log");
        var bytes = await File.ReadAllBytesAsync(log, Ct);
        await File.WriteAllBytesAsync(log, [.. bytes.AsSpan(0, bytes.Length - 100), .. "garbage"u8], Ct);
        var logger = new ListLogger();

        using var reopened = EmbeddedVectorIndex.Open(_folder, "c", 32, Crashing, logger);

        Assert.Equal(20, await reopened.CountAsync(Ct));
        Assert.Contains(logger.Messages, m => m.Contains("torn or corrupt tail", StringComparison.Ordinal));
        await reopened.UpsertAsync(Records(5, offset: 3), Ct);
        Assert.Equal(25, await reopened.CountAsync(Ct));
    }

    [Fact]
    public async Task Open_AfterCrashFollowingSizeTriggeredSnapshots_RestoresEverything()
    {
        // A tiny log limit makes most writes snapshot and empty the log; the crash then loses only the open log tail.
        var options = Crashing with { SnapshotAfterLogBytes = 4_096 };
        using (var index = EmbeddedVectorIndex.Open(_folder, "c", 32, options))
        {
            for (var batch = 0; batch < 6; batch++)
            {
                await index.UpsertAsync(Records(25, offset: batch), Ct);
            }

            await index.DeleteAsync(["r5-0"], Ct);
        }

        using var reopened = EmbeddedVectorIndex.Open(_folder, "c", 32, options);

        Assert.Equal(149, await reopened.CountAsync(Ct));
        var lexical = await reopened.SearchAsync(new SearchRequest { Mode = SearchMode.Lexical, QueryText = "text", TopK = 200 }, Ct);
        Assert.Equal(149, lexical.Count);
    }

    [Fact]
    public async Task Compact_AfterManyDeletes_KeepsLiveRecordsSearchable()
    {
        var records = Records(400);
        using var index = EmbeddedVectorIndex.Open(_folder, "c", 32, new EmbeddedIndexOptions { ExactSearchThreshold = 0 });
        await index.UpsertAsync(records, Ct);

        await index.DeleteAsync([.. records.Take(200).Select(r => r.Id)], Ct); // 50 % tombstones triggers a rebuild

        Assert.Equal(200, await index.CountAsync(Ct));
        var hit = (await index.SearchAsync(new SearchRequest { Vector = records[300].Vector, TopK = 1 }, Ct))[0];
        Assert.Equal(records[300].Id, hit.Id);
    }

    public void Dispose() => TestEnvironment.DeleteFolder(_folder);
}
