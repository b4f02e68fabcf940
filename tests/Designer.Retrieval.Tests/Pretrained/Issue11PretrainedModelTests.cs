using Designer.Inference.Pretrained;
using Designer.Inference.Registry;
using Designer.Retrieval.Embeddings;
using Designer.Retrieval.Tests.Support;

namespace Designer.Retrieval.Tests.Pretrained;

/// <summary>Issue 11: registering the pretrained models from their carriers, and what the generator does with bad input.</summary>
public sealed class Issue11PretrainedModelTests
{
    [Fact]
    public async Task EnsureAsync_FreshRegistry_RegistersApprovedBootstrapWithLicenceOnce()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var fixture = new PretrainedFixture();

        // Act
        var first = await PretrainedModelBootstrap.EnsureAsync(fixture.Registry, PretrainedModels.MiniLm, PretrainedModels.DefaultCarrierDirectory, ct);
        var second = await PretrainedModelBootstrap.EnsureAsync(fixture.Registry, PretrainedModels.MiniLm, PretrainedModels.DefaultCarrierDirectory, ct);

        // Assert
        Assert.Equal(1, first.Version);
        Assert.Equal(ModelStatus.Approved, first.Status);
        Assert.Equal(PretrainedModels.MiniLm.ModelSha256, first.Sha256);
        Assert.Equal(PretrainedModels.MiniLm.VocabularySha256, first.TextEncoder!.VocabularySha256);
        Assert.Contains("Apache-2.0", first.License, StringComparison.Ordinal);
        Assert.Contains("sentence-transformers/all-MiniLM-L6-v2", first.Upstream, StringComparison.Ordinal);
        Assert.Equal(first.Version, second.Version);
        Assert.Single(await fixture.Registry.ListAsync(ct));
    }

    [Fact]
    public async Task EnsureAsync_BytesDifferFromPin_RefusesAndRegistersNothing()
    {
        // Arrange: the pin no longer matches what the carrier holds (a swapped or corrupted package).
        var ct = TestContext.Current.CancellationToken;
        await using var fixture = new PretrainedFixture();
        var tampered = PretrainedModels.MiniLm with { ModelSha256 = new string('0', 64) };

        // Act
        var error = await Assert.ThrowsAsync<ModelIntegrityException>(() =>
            PretrainedModelBootstrap.EnsureAsync(fixture.Registry, tampered, PretrainedModels.DefaultCarrierDirectory, ct));

        // Assert
        Assert.Contains("pinned", error.Message, StringComparison.Ordinal);
        Assert.Empty(await fixture.Registry.ListAsync(ct));
    }

    [Fact]
    public async Task EnsureAsync_CarrierMissing_ThrowsFileNotFound()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var fixture = new PretrainedFixture();
        var empty = TestEnvironment.NewTempFolder();

        // Act + Assert
        await Assert.ThrowsAsync<FileNotFoundException>(() => PretrainedModelBootstrap.EnsureAsync(fixture.Registry, PretrainedModels.MiniLm, empty, ct));
        TestEnvironment.DeleteFolder(empty);
    }

    [Fact]
    public async Task GetAsync_VocabularyTamperedAfterRegistration_ThrowsIntegrityError()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var fixture = new PretrainedFixture();
        var descriptor = await PretrainedModelBootstrap.EnsureAsync(fixture.Registry, PretrainedModels.MiniLm, PretrainedModels.DefaultCarrierDirectory, ct);
        await File.AppendAllTextAsync(Path.Combine(Path.GetDirectoryName(descriptor.OnnxPath)!, FileModelRegistry.VocabularyFileName), "extra\n", ct);

        // Act + Assert
        await Assert.ThrowsAsync<ModelIntegrityException>(() => fixture.Catalog.GetAsync(PretrainedModels.MiniLm.Id, null, ct));
    }

    [Fact]
    public async Task GetAsync_ModelFileTamperedAfterRegistration_ThrowsIntegrityError()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var fixture = new PretrainedFixture();
        var descriptor = await PretrainedModelBootstrap.EnsureAsync(fixture.Registry, PretrainedModels.MiniLm, PretrainedModels.DefaultCarrierDirectory, ct);
        await using (var file = File.OpenWrite(descriptor.OnnxPath))
        {
            file.Seek(-1, SeekOrigin.End);
            file.WriteByte(0x5A);
        }

        // Act + Assert
        await Assert.ThrowsAsync<ModelIntegrityException>(() => fixture.Catalog.GetAsync(PretrainedModels.MiniLm.Id, null, ct));
    }

    [Fact]
    public async Task GenerateAsync_TextOverWindow_TruncatesAndReportsIt()
    {
        // Arrange: 600 one-token words, far past MiniLM's 256 tokens; 254 words + [CLS] + [SEP] fill the window exactly.
        var ct = TestContext.Current.CancellationToken;
        await using var fixture = new PretrainedFixture();
        var handle = await fixture.LoadAsync(PretrainedModels.MiniLm, ct);
        var longText = string.Join(' ', Enumerable.Repeat("card", 600));
        var within = string.Join(' ', Enumerable.Repeat("card", 254));

        // Act
        var embeddings = await handle.Generator.GenerateAsync([longText, within, "short text"], cancellationToken: ct);

        // Assert
        Assert.Equal(true, embeddings[0].AdditionalProperties?[PretrainedEmbeddingGenerator.TruncatedKey]);
        Assert.Null(embeddings[1].AdditionalProperties);
        Assert.Null(embeddings[2].AdditionalProperties);
        Assert.True(System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(embeddings[0].Vector.Span, embeddings[1].Vector.Span) > 0.9999f);
    }

    [Fact]
    public async Task GenerateAsync_BlankText_IsRefused()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var fixture = new PretrainedFixture();
        var handle = await fixture.LoadAsync(PretrainedModels.MiniLm, ct);

        // Act
        var error = await Assert.ThrowsAsync<ArgumentException>(() => handle.Generator.GenerateAsync(["fine", "   "], cancellationToken: ct));

        // Assert
        Assert.Contains("Input 1 is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryGenerator_Arctic_AppliesQueryPrefixOnlyToQueries()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var fixture = new PretrainedFixture();
        var handle = await fixture.LoadAsync(PretrainedModels.ArcticXs, ct);
        const string text = "card payment declined";

        // Act
        var document = (await handle.Generator.GenerateAsync([text], cancellationToken: ct))[0].Vector;
        var query = (await handle.QueryGenerator.GenerateAsync([text], cancellationToken: ct))[0].Vector;
        var prefixed = (await handle.Generator.GenerateAsync([PretrainedModels.ArcticXs.TextEncoder.QueryPrefix + text], cancellationToken: ct))[0].Vector;

        // Assert
        Assert.True(handle.IsPretrained);
        Assert.True(System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(document.Span, query.Span) < 0.999f);
        Assert.True(System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(prefixed.Span, query.Span) > 0.99999f);
    }

    [Fact]
    public async Task TrainAsync_PretrainedModelName_IsRefused()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var fixture = new PretrainedFixture();
        await fixture.LoadAsync(PretrainedModels.MiniLm, ct);

        // Act + Assert
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Catalog.TrainAsync(PretrainedModels.MiniLm.Id, ["a text", "another text"], ct));
    }
}
