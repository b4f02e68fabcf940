using Designer.Inference;
using Designer.Persistence;
using Designer.Retrieval.Embedded;
using Designer.Retrieval.Embeddings;
using Designer.Retrieval.Indexes;
using Designer.Retrieval.Tests.Embeddings;
using Designer.Retrieval.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Designer.Retrieval.Tests.Hosting;

public sealed class RetrievalServiceCollectionExtensionsTests(EmbeddingFixture fixture) : IClassFixture<EmbeddingFixture>, IDisposable
{
    private readonly string _root = TestEnvironment.NewTempFolder();

    private HostApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("Designer:Inference:BootstrapRiskModel", "false")]);
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        // Collections are stored by the persistence module and embedded by models the inference module serves.
        builder.AddDesignerPersistence();
        builder.AddDesignerInference();
        builder.AddDesignerRetrieval();
        return builder;
    }

    [Fact]
    public async Task AddDesignerRetrieval_Defaults_ResolvesEmbeddedProviderUnderDataIndexes()
    {
        using var host = Builder().Build();
        var provider = host.Services.GetRequiredService<IVectorIndexProvider>();

        await provider.CreateAsync("docs", 4, cancellationToken: TestContext.Current.CancellationToken);

        Assert.IsType<EmbeddedVectorIndexProvider>(provider);
        Assert.True(File.Exists(Path.Combine(_root, "data", "indexes", "docs", "collection.json")));
        Assert.Null(host.Services.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
        await provider.DisposeAsync();
    }

    [Fact]
    public async Task AddDesignerRetrieval_WithInference_ResolvesCatalogThatTrainsIntoTheRegistry()
    {
        using var host = Builder().Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var catalog = host.Services.GetRequiredService<IEmbeddingModelCatalog>();

        var handle = await catalog.TrainAsync("designer-lsa", ["card stolen", "card charged twice", "parcel never arrived", "charged twice again"], TestContext.Current.CancellationToken);
        var pretrained = await catalog.GetAsync(catalog.DefaultModel, null, TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(("designer-lsa", 1), (handle.Model, handle.Version));
        Assert.Equal(("all-minilm-l6-v2", 1, 384, true), (pretrained.Model, pretrained.Version, pretrained.Dimensions, pretrained.IsPretrained));
        Assert.True(File.Exists(Path.Combine(_root, "data", "models", "designer-lsa", "1", "model.onnx")));
    }

    [Fact]
    public async Task AddDesignerRetrieval_LsaDimensionsOutOfRange_FailsOnStart()
    {
        using var host = Builder(("Designer:Retrieval:Lsa:Dimensions", "1")).Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Dimensions", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddDesignerRetrieval_PgVectorWithoutConnectionString_FailsOnStart()
    {
        using var host = Builder(("Designer:Retrieval:IndexBackend", "PgVector")).Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("PgVectorConnectionString", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddDesignerRetrieval_EmbeddingModelConfigured_RegistersCachedOnnxGenerator()
    {
        using var host = Builder(
            ("Designer:Retrieval:Embedding:ModelPath", fixture.ModelPath),
            ("Designer:Retrieval:Embedding:VocabularyPath", fixture.VocabularyPath),
            ("Designer:Retrieval:Embedding:Pooling", "Cls"),
            ("Designer:Retrieval:Embedding:ModelVersion", "7")).Build();

        var generator = host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var embedding = (await generator.GenerateAsync(["the cat"], cancellationToken: TestContext.Current.CancellationToken))[0];

        Assert.IsType<CachingEmbeddingGenerator>(generator);
        Assert.Equal("sentence-embedding@7", embedding.ModelId);
    }

    public void Dispose() => TestEnvironment.DeleteFolder(_root);
}
