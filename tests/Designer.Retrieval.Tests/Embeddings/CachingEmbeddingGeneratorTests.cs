using Designer.Retrieval.Embeddings;
using Microsoft.Extensions.AI;

namespace Designer.Retrieval.Tests.Embeddings;

public sealed class CachingEmbeddingGeneratorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GenerateAsync_RepeatedText_ServedFromCacheWithoutRecompute()
    {
        using var inner = new CountingGenerator();
        using var cache = new CachingEmbeddingGenerator(inner, "m@1");

        var first = await cache.GenerateAsync(["alpha", "beta"], cancellationToken: Ct);
        var second = await cache.GenerateAsync(["beta", "alpha", "gamma"], cancellationToken: Ct);

        Assert.Equal(3, inner.Computed);
        Assert.Equal(2, cache.Hits);
        Assert.Equal(first[0].Vector.ToArray(), second[1].Vector.ToArray());
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task GenerateAsync_DuplicatesInOneCall_ComputedOnce()
    {
        using var inner = new CountingGenerator();
        using var cache = new CachingEmbeddingGenerator(inner, "m@1");

        var result = await cache.GenerateAsync(["same", "same", "other"], cancellationToken: Ct);

        Assert.Equal(2, inner.Computed);
        Assert.Equal(3, result.Count);
        Assert.Equal(result[0].Vector.ToArray(), result[1].Vector.ToArray());
    }

    [Fact]
    public async Task GenerateAsync_BeyondCapacity_EvictsLeastRecentlyUsed()
    {
        using var inner = new CountingGenerator();
        using var cache = new CachingEmbeddingGenerator(inner, "m@1", capacity: 2);

        await cache.GenerateAsync(["a", "b"], cancellationToken: Ct);
        await cache.GenerateAsync(["a"], cancellationToken: Ct); // a is now most recent
        await cache.GenerateAsync(["c"], cancellationToken: Ct); // evicts b
        await cache.GenerateAsync(["a", "b"], cancellationToken: Ct);

        Assert.Equal(4, inner.Computed); // a, b, c, then b again
    }

    [Fact]
    public async Task GenerateAsync_OtherModelVersion_DoesNotShareEntries()
    {
        using var inner = new CountingGenerator();
        using var v1 = new CachingEmbeddingGenerator(inner, "m@1");
        using var v2 = new CachingEmbeddingGenerator(inner, "m@2");

        await v1.GenerateAsync(["text"], cancellationToken: Ct);
        await v2.GenerateAsync(["text"], cancellationToken: Ct);

        Assert.Equal(2, inner.Computed);
    }

    private sealed class CountingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public int Computed { get; private set; }

        public int Calls { get; private set; }

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            var list = values.ToList();
            Computed += list.Count;
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(list.Select(v => new Embedding<float>(new float[] { v.Length, v[0] }))));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
