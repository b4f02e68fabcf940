using System.Numerics.Tensors;
using Designer.Inference.Corpus;
using Designer.Inference.Onnx;
using Designer.Inference.Registry;
using Designer.Retrieval.Embeddings;

namespace Designer.Retrieval.Tests.Embeddings;

public sealed class EmbeddingModelCatalogTests
{
    private static readonly IReadOnlyList<string> Narratives = DisputeCorpus.Generate(600).Select(d => d.Narrative).ToList();

    [Fact]
    public async Task TrainAsync_Corpus_RegistersApprovedEmbeddingVersionWithUnitVectors()
    {
        // Arrange
        await using var fixture = new CatalogFixture();
        var ct = TestContext.Current.CancellationToken;

        // Act
        var handle = await fixture.Catalog.TrainAsync("designer-lsa", Narratives, ct);
        var vectors = await handle.Generator.GenerateAsync(["I was double charged", "the laptop arrived broken"], cancellationToken: ct);

        // Assert
        var descriptor = await fixture.Registry.GetAsync("designer-lsa", 1, ct);
        Assert.NotNull(descriptor);
        Assert.Equal(ModelKind.Embedding, descriptor.Kind);
        Assert.Equal(ModelStatus.Approved, descriptor.Status);
        Assert.Equal(600, descriptor.Metrics["documents"]);
        Assert.Equal((1, "designer-lsa"), (handle.Version, handle.Model));
        Assert.All(vectors, v => Assert.Equal(handle.Dimensions, v.Vector.Length));
        Assert.All(vectors, v => Assert.Equal(1f, TensorPrimitives.Norm(v.Vector.Span), 4));
    }

    [Fact]
    public async Task TrainAsync_CorpusChanged_RegistersNewVersionAndOldStaysLoadable()
    {
        // Arrange
        await using var fixture = new CatalogFixture();
        var ct = TestContext.Current.CancellationToken;
        var first = await fixture.Catalog.TrainAsync("designer-lsa", Narratives.Take(300).ToList(), ct);

        // Act
        var second = await fixture.Catalog.TrainAsync("designer-lsa", Narratives, ct);
        var pinned = await fixture.Catalog.GetAsync("designer-lsa", 1, ct);
        var newest = await fixture.Catalog.GetAsync("designer-lsa", null, ct);

        // Assert
        Assert.Equal(2, second.Version);
        Assert.Same(first.Generator, pinned.Generator);
        Assert.Equal(2, newest.Version);
        var oldVector = (await pinned.Generator.GenerateAsync(["charged twice"], cancellationToken: ct))[0].Vector.ToArray();
        var newVector = (await newest.Generator.GenerateAsync(["charged twice"], cancellationToken: ct))[0].Vector.ToArray();
        Assert.NotEqual(oldVector, newVector);
    }

    [Fact]
    public async Task GetAsync_UnknownModel_ThrowsKeyNotFound()
    {
        // Arrange
        await using var fixture = new CatalogFixture();

        // Act + Assert
        await Assert.ThrowsAsync<KeyNotFoundException>(() => fixture.Catalog.GetAsync("nobody", null, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => fixture.Catalog.GetAsync("Not A Slug", null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetAsync_ClassifierModel_ThrowsKeyNotFound()
    {
        // Arrange
        await using var fixture = new CatalogFixture();
        var ct = TestContext.Current.CancellationToken;
        await fixture.Registry.RegisterAsync(new ModelRegistration
        {
            Id = "some-classifier",
            OnnxModel = OnnxModelFactory.Linear(new DenseLayer(2, 2, [1f, 0f, 0f, 1f], [0f, 0f])),
            Kind = ModelKind.Classifier,
            TrainedBy = "test",
            IsBootstrap = true,
        }, ct);

        // Act + Assert
        await Assert.ThrowsAsync<KeyNotFoundException>(() => fixture.Catalog.GetAsync("some-classifier", null, ct));
    }

    [Fact]
    public async Task TrainAsync_NameOfAClassifier_ThrowsAndRegistersNothing()
    {
        // Arrange
        await using var fixture = new CatalogFixture();
        var ct = TestContext.Current.CancellationToken;
        await fixture.Registry.RegisterAsync(new ModelRegistration
        {
            Id = "dispute-risk",
            OnnxModel = OnnxModelFactory.Linear(new DenseLayer(2, 2, [1f, 0f, 0f, 1f], [0f, 0f])),
            Kind = ModelKind.Classifier,
            TrainedBy = "test",
            IsBootstrap = true,
        }, ct);

        // Act
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Catalog.TrainAsync("dispute-risk", Narratives, ct));

        // Assert
        Assert.Single(await fixture.Registry.ListAsync(ct));
    }

    [Fact]
    public async Task Generator_RepeatedText_IsServedFromCache()
    {
        // Arrange
        await using var fixture = new CatalogFixture();
        var ct = TestContext.Current.CancellationToken;
        var handle = await fixture.Catalog.TrainAsync("designer-lsa", Narratives, ct);
        var cache = Assert.IsType<CachingEmbeddingGenerator>(handle.Generator);

        // Act
        var first = await handle.Generator.GenerateAsync(["parcel never arrived"], cancellationToken: ct);
        var second = await handle.Generator.GenerateAsync(["parcel never arrived"], cancellationToken: ct);

        // Assert
        Assert.Equal((1, 1), (cache.Misses, cache.Hits));
        Assert.Equal(first[0].Vector.ToArray(), second[0].Vector.ToArray());
    }
}
