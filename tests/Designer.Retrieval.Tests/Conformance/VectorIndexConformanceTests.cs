using System.Text.Json.Nodes;
using Designer.Retrieval.Indexes;
using static Designer.Retrieval.Tests.Conformance.ConformanceCorpus;

namespace Designer.Retrieval.Tests.Conformance;

/// <summary>The behaviour every <see cref="IVectorIndex"/> backend must share; one subclass per backend.</summary>
public abstract class VectorIndexConformanceTests : IAsyncLifetime
{
    private const string Collection = "conformance";
    private IVectorIndexProvider? _provider;
    private IVectorIndex? _index;

    protected IVectorIndex Index => _index ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync()
    {
        _provider = await CreateProviderAsync();
        await _provider.DropAsync(Collection, TestContext.Current.CancellationToken);
        _index = await _provider.CreateAsync(Collection, Dimension, cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DropAsync(Collection);
            await _provider.DisposeAsync();
        }

        await DisposeBackendAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates the backend's provider; skips (or fails under CI) when the backend is unavailable.</summary>
    protected abstract Task<IVectorIndexProvider> CreateProviderAsync();

    protected virtual ValueTask DisposeBackendAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task SeedAsync() => await Index.UpsertAsync(Records(), Ct);

    private Task<IReadOnlyList<SearchHit>> DenseAsync(float[] vector, int topK = 10, PayloadFilter? filter = null, double? minScore = null) =>
        Index.SearchAsync(new SearchRequest { Vector = vector, TopK = topK, Filter = filter, MinScore = minScore }, Ct);

    [Fact]
    public async Task Upsert_NewRecords_CountsThem()
    {
        await SeedAsync();

        Assert.Equal(6, await Index.CountAsync(Ct));
    }

    [Fact]
    public async Task Upsert_ExistingId_OverwritesVectorTextAndPayload()
    {
        await SeedAsync();

        await Index.UpsertAsync([new VectorRecord("a", Axis((5, 1f)), "replacement text", new JsonObject { ["category"] = "other" })], Ct);

        Assert.Equal(6, await Index.CountAsync(Ct));
        var hit = Assert.Single(await DenseAsync(Axis((5, 1f)), topK: 1));
        Assert.Equal("a", hit.Id);
        Assert.Equal("replacement text", hit.Text);
        Assert.Equal("other", (string?)hit.Payload["category"]);
        var lexical = await Index.SearchAsync(new SearchRequest { Mode = SearchMode.Lexical, QueryText = "damaged parcel" }, Ct);
        Assert.DoesNotContain(lexical, h => h.Id == "a");
    }

    [Fact]
    public async Task Delete_ExistingIds_RemovesFromCountAndSearch()
    {
        await SeedAsync();

        await Index.DeleteAsync(["a", "missing"], Ct);

        Assert.Equal(5, await Index.CountAsync(Ct));
        Assert.DoesNotContain(await DenseAsync(Axis((0, 1f))), h => h.Id == "a");
        var lexical = await Index.SearchAsync(new SearchRequest { Mode = SearchMode.Lexical, QueryText = "damaged parcel" }, Ct);
        Assert.DoesNotContain(lexical, h => h.Id == "a");
    }

    [Fact]
    public async Task DeleteByFilter_MatchingRecords_RemovesOnlyThose()
    {
        await SeedAsync();

        await Index.DeleteByFilterAsync(PayloadFilter.Equal("category", "dispute"), Ct);

        Assert.Equal(4, await Index.CountAsync(Ct));
        Assert.DoesNotContain(await DenseAsync(Axis((2, 1f))), h => h.Id is "d" or "f");
        var lexical = await Index.SearchAsync(new SearchRequest { Mode = SearchMode.Lexical, QueryText = "dispute card" }, Ct);
        Assert.Equal(["c"], lexical.Select(h => h.Id));
    }

    [Fact]
    public async Task Search_Dense_ReturnsNearestFirstWithCosineScores()
    {
        await SeedAsync();

        var hits = await DenseAsync(Axis((0, 1f)), topK: 2);

        Assert.Equal(["a", "b"], hits.Select(h => h.Id));
        Assert.Equal(1.0, hits[0].Score, 1e-4);
        Assert.Equal(1.0 / Math.Sqrt(1.25), hits[1].Score, 1e-4);
        Assert.Equal("refund for a damaged parcel", hits[0].Text);
        Assert.Equal(120, (int)hits[0].Payload["amount"]!);
    }

    [Fact]
    public async Task Search_EqualsFilter_ReturnsOnlyMatchingRecords()
    {
        await SeedAsync();

        var hits = await DenseAsync(Axis((0, 1f)), filter: PayloadFilter.Equal("region", "eu"));

        Assert.Equal(["a", "c", "e"], hits.Select(h => h.Id).Order());
    }

    [Fact]
    public async Task Search_EqualsFilterOnArrayPayload_MatchesContainedValue()
    {
        await SeedAsync();

        var hits = await DenseAsync(Axis((0, 1f)), filter: PayloadFilter.Equal("tags", "vip"));

        Assert.Equal(["a", "d", "f"], hits.Select(h => h.Id).Order());
    }

    [Fact]
    public async Task Search_InFilter_ReturnsRecordsWithAnyListedValue()
    {
        await SeedAsync();

        var hits = await DenseAsync(Axis((0, 1f)), filter: PayloadFilter.In("category", "payment", "account"));

        Assert.Equal(["c", "e"], hits.Select(h => h.Id).Order());
    }

    [Fact]
    public async Task Search_RangeFilter_ReturnsRecordsWithinBounds()
    {
        await SeedAsync();

        var hits = await DenseAsync(Axis((0, 1f)), filter: PayloadFilter.Range("amount", gte: 40, lt: 300));

        Assert.Equal(["a", "b", "f"], hits.Select(h => h.Id).Order());
    }

    [Fact]
    public async Task Search_AndFilter_RequiresEveryCondition()
    {
        await SeedAsync();

        var filter = PayloadFilter.And(PayloadFilter.Equal("category", "dispute"), PayloadFilter.Range("amount", lte: 100));
        var hits = await DenseAsync(Axis((2, 1f)), filter: filter);

        Assert.Equal("f", Assert.Single(hits).Id);
    }

    [Fact]
    public async Task Search_Lexical_FindsKeywordMatchesBestFirst()
    {
        await SeedAsync();

        var hits = await Index.SearchAsync(new SearchRequest { Mode = SearchMode.Lexical, QueryText = "Refunds", TopK = 10 }, Ct);

        Assert.Equal(["a", "b"], hits.Select(h => h.Id).Order());
        Assert.All(hits, h => Assert.True(h.Score > 0));
    }

    [Fact]
    public async Task Search_LexicalWithFilter_AppliesFilter()
    {
        await SeedAsync();

        var hits = await Index.SearchAsync(new SearchRequest { Mode = SearchMode.Lexical, QueryText = "dispute card", Filter = PayloadFilter.Equal("region", "us") }, Ct);

        Assert.Equal("f", Assert.Single(hits).Id);
    }

    [Fact]
    public async Task Search_Hybrid_RanksDocumentFoundByBothLegsFirst()
    {
        await SeedAsync();

        // Dense favours d (axis 2), lexical favours c (card, payment); f is second in both, so fusion puts it first.
        var request = new SearchRequest { Mode = SearchMode.Hybrid, Vector = Axis((2, 1f), (3, 0.4f)), QueryText = "card payment charge", TopK = 3 };
        var hits = await Index.SearchAsync(request, Ct);

        Assert.Equal("f", hits[0].Id);
        Assert.True(hits[0].Score <= 2.0 / 61 + 1e-9);
    }

    [Fact]
    public async Task Search_MinScore_DropsWeakerHits()
    {
        await SeedAsync();

        var hits = await DenseAsync(Axis((0, 1f)), minScore: 0.5);

        Assert.Equal(["a", "b"], hits.Select(h => h.Id));
    }

    [Fact]
    public async Task Upsert_WrongDimension_ThrowsArgumentException()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Index.UpsertAsync([new VectorRecord("x", new float[Dimension + 1])], Ct));

        Assert.Contains("Dimension mismatch", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WrongDimension_ThrowsArgumentException()
    {
        await SeedAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => DenseAsync(new float[3]));
    }

    [Fact]
    public async Task Search_EmptyIndex_ReturnsNoHits()
    {
        var dense = await DenseAsync(Axis((0, 1f)));
        var lexical = await Index.SearchAsync(new SearchRequest { Mode = SearchMode.Lexical, QueryText = "refund" }, Ct);

        Assert.Empty(dense);
        Assert.Empty(lexical);
        Assert.Equal(0, await Index.CountAsync(Ct));
    }

    [Fact]
    public async Task Provider_CreateWithOtherDimension_ThrowsArgumentException()
    {
        var provider = _provider!;

        await Assert.ThrowsAsync<ArgumentException>(() => provider.CreateAsync(Collection, Dimension + 1, cancellationToken: Ct));
    }
}
