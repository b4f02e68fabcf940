using Designer.Inference;
using Designer.Inference.Corpus;
using Designer.Inference.Registry;
using Designer.Inference.Serving;
using Designer.Retrieval;
using Designer.Retrieval.Embeddings;
using Designer.Retrieval.Embeddings.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Designer.InferenceHost.Tests;

/// <summary>
/// The retrieval module's OpenAI-compatible generator (Microsoft.Extensions.AI.OpenAI over the official OpenAI SDK)
/// against this host's <c>/v1/embeddings</c>, serving the project-trained LSA model from the host's own registry.
/// </summary>
public sealed class OpenAICompatibleEmbeddingTests
{
    private static readonly string[] Texts = ["my espresso maker packed in", "charged twice for one order", "a purchase I never authorised"];

    [Fact]
    public async Task OpenAIGenerator_HostServingTrainedLsa_ReturnsTheInProcessVectors()
    {
        // Arrange: train the default model into the host's registry, exactly as the retrieval module does.
        await using var factory = new HostFactory(new() { ["Designer:Inference:BootstrapRiskModel"] = "false" });
        var ct = TestContext.Current.CancellationToken;
        var http = factory.CreateClient();
        var catalog = new EmbeddingModelCatalog(
            factory.Services.GetRequiredService<IModelRegistry>(),
            factory.Services.GetRequiredService<SessionPool>(),
            "designer-lsa",
            new LsaTrainingOptions(),
            100,
            TimeProvider.System);
        var local = await catalog.TrainAsync("designer-lsa", DisputeCorpus.Generate(400).Select(d => d.Narrative).ToList(), ct);
        var remote = OpenAIEmbeddingGeneratorFactory.Create(
            new OpenAIEmbeddingOptions { Endpoint = new Uri(http.BaseAddress!, "v1"), Model = "designer-lsa" }, http);

        // Act
        var expected = await local.Generator.GenerateAsync(Texts, cancellationToken: ct);
        var actual = await remote.GenerateAsync(Texts, cancellationToken: ct);

        // Assert
        Assert.Equal(Texts.Length, actual.Count);
        for (var i = 0; i < Texts.Length; i++)
        {
            Assert.Equal(local.Dimensions, actual[i].Vector.Length);
            for (var d = 0; d < local.Dimensions; d++)
            {
                Assert.Equal(expected[i].Vector.Span[d], actual[i].Vector.Span[d], 5);
            }
        }

        Assert.True(actual.Usage?.InputTokenCount > 0);
    }

    [Fact]
    public async Task OpenAIGenerator_ModelAtVersion_ServesThatVersionAfterARetrain()
    {
        // Arrange: two versions of designer-lsa on different corpora, trained on the web side of the shared registry
        // (the host's own view approves nothing).
        await using var factory = new HostFactory(new() { ["Designer:Inference:BootstrapRiskModel"] = "false" });
        var ct = TestContext.Current.CancellationToken;
        var http = factory.CreateClient();
        var catalog = new EmbeddingModelCatalog(
            factory.Services.GetRequiredService<DatabaseModelRegistry>(),
            factory.Services.GetRequiredService<SessionPool>(),
            "designer-lsa",
            new LsaTrainingOptions(),
            100,
            TimeProvider.System);
        var first = await catalog.TrainAsync("designer-lsa", DisputeCorpus.Generate(300).Select(d => d.Narrative).ToList(), ct);
        await catalog.TrainAsync("designer-lsa", DisputeCorpus.Generate(600).Select(d => d.Narrative).ToList(), ct);
        var pinned = OpenAIEmbeddingGeneratorFactory.Create(
            new OpenAIEmbeddingOptions { Endpoint = new Uri(http.BaseAddress!, "v1"), Model = "designer-lsa@1" }, http);

        // Act
        var expected = await first.Generator.GenerateAsync(["parcel never turned up"], cancellationToken: ct);
        var actual = await pinned.GenerateAsync(["parcel never turned up"], cancellationToken: ct);

        // Assert
        Assert.Equal(expected[0].Vector.ToArray(), actual[0].Vector.ToArray());
    }

    [Fact]
    public async Task Catalog_OpenAIEmbeddingConfigured_ServesTheRemoteModelUnderItsName()
    {
        // Arrange: the host serves designer-lsa; a separate app is configured to use it over the OpenAI wire format.
        await using var factory = new HostFactory(new() { ["Designer:Inference:BootstrapRiskModel"] = "false" });
        var ct = TestContext.Current.CancellationToken;
        var hostCatalog = new EmbeddingModelCatalog(
            factory.Services.GetRequiredService<IModelRegistry>(),
            factory.Services.GetRequiredService<SessionPool>(),
            "designer-lsa",
            new LsaTrainingOptions(),
            100,
            TimeProvider.System);
        var served = await hostCatalog.TrainAsync("designer-lsa", DisputeCorpus.Generate(300).Select(d => d.Narrative).ToList(), ct);
        var clientRoot = Path.Combine(factory.DataDirectory, "client");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Path.GetTempPath(), DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([
            new("Designer:DataDirectory", clientRoot),
            new("Designer:Inference:BootstrapRiskModel", "false"),
            new("Designer:Retrieval:DefaultEmbeddingModel", "designer-lsa"),
            new("Designer:Retrieval:OpenAIEmbedding:Endpoint", "http://localhost/v1"),
            new("Designer:Retrieval:OpenAIEmbedding:Model", "designer-lsa"),
            new("Designer:Retrieval:OpenAIEmbedding:ModelVersion", "3"),
        ]);
        builder.AddDesignerInference();
        builder.AddDesignerRetrieval();
        builder.Services.AddHttpClient(RetrievalServiceCollectionExtensions.OpenAIEmbeddingHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => factory.Server.CreateHandler());
        using var app = builder.Build();
        var catalog = app.Services.GetRequiredService<IEmbeddingModelCatalog>();

        // Act
        var handle = await catalog.GetAsync(catalog.DefaultModel, null, ct);
        var remote = await handle.Generator.GenerateAsync(["gift voucher never came"], cancellationToken: ct);
        var local = await served.Generator.GenerateAsync(["gift voucher never came"], cancellationToken: ct);

        // Assert
        Assert.Equal(("designer-lsa", 3, served.Dimensions), (handle.Model, handle.Version, handle.Dimensions));
        Assert.Equal(local[0].Vector.ToArray(), remote[0].Vector.ToArray());
    }

    [Fact]
    public async Task OpenAIGenerator_UnknownModel_ThrowsWithTheHostsProblem()
    {
        // Arrange
        await using var factory = new HostFactory(new() { ["Designer:Inference:BootstrapRiskModel"] = "false" });
        var http = factory.CreateClient();
        var remote = OpenAIEmbeddingGeneratorFactory.Create(
            new OpenAIEmbeddingOptions { Endpoint = new Uri(http.BaseAddress!, "v1"), Model = "no-such-model" }, http);

        // Act
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => remote.GenerateAsync(["x"], cancellationToken: TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains("404", ex.Message, StringComparison.Ordinal);
    }
}
