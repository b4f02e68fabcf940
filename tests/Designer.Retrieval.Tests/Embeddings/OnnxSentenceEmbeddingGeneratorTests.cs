using System.Numerics.Tensors;
using Designer.Retrieval.Embeddings;

namespace Designer.Retrieval.Tests.Embeddings;

public sealed class OnnxSentenceEmbeddingGeneratorTests(EmbeddingFixture fixture) : IClassFixture<EmbeddingFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private float[] ReferenceEmbedding(IReadOnlyList<int> ids, EmbeddingPooling pooling, bool normalize)
    {
        var tokens = ids.Select(fixture.Model.Reference).ToList();
        var pooled = pooling == EmbeddingPooling.Cls
            ? tokens[0]
            : [.. Enumerable.Range(0, fixture.Model.Hidden).Select(j => tokens.Average(t => t[j]))];
        if (normalize)
        {
            var norm = MathF.Sqrt(pooled.Sum(x => x * x));
            pooled = [.. pooled.Select(x => x / norm)];
        }

        return pooled;
    }

    [Fact]
    public void Tokenize_Sentence_MatchesHandComputedWordPieceIds()
    {
        using var generator = new OnnxSentenceEmbeddingGenerator(fixture.Options());

        Assert.Equal([2, 5, 6, 7, 8, 5, 9, 10, 3], generator.Tokenize("The cat sat on the mat."));
        Assert.Equal([2, 11, 13, 12, 14, 15, 16, 1, 3], generator.Tokenize("Dogs running played zebra"));
    }

    [Fact]
    public void Tokenize_LongText_TruncatesToMaxLengthKeepingSeparatorLast()
    {
        using var generator = new OnnxSentenceEmbeddingGenerator(fixture.Options(maxLength: 5));

        Assert.Equal([2, 5, 6, 7, 3], generator.Tokenize("the cat sat on the mat"));
    }

    [Fact]
    public void Tokenize_Issue17_AsciiSymbolAndAccents_FollowHuggingFaceRules()
    {
        // The bring-your-own generator now shares the registered models' WordPieceEncoder: '>' is its own (unknown)
        // token instead of being dropped, and accents are stripped when lower-casing, as Hugging Face's BasicTokenizer does.
        using var generator = new OnnxSentenceEmbeddingGenerator(fixture.Options());

        Assert.Equal([2, 5, 6, 1, 9, 3], generator.Tokenize("the cat > mat"));
        Assert.Equal([2, 5, 6, 7, 3], generator.Tokenize("thé CÂT sät"));
    }

    [Fact]
    public async Task GenerateAsync_Issue17_LongText_FlaggedTruncated()
    {
        using var generator = new OnnxSentenceEmbeddingGenerator(fixture.Options(maxLength: 5));

        var embeddings = await generator.GenerateAsync(["the cat sat on the mat", "the cat"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(true, embeddings[0].AdditionalProperties?[PretrainedEmbeddingGenerator.TruncatedKey]);
        Assert.Null(embeddings[1].AdditionalProperties);
    }

    [Theory]
    [InlineData(EmbeddingPooling.Mean)]
    [InlineData(EmbeddingPooling.Cls)]
    public async Task GenerateAsync_Pooling_MatchesCSharpReferenceWithinTolerance(EmbeddingPooling pooling)
    {
        using var generator = new OnnxSentenceEmbeddingGenerator(fixture.Options(pooling));
        const string text = "the late refund, a damaged parcel";

        var embedding = (await generator.GenerateAsync([text], cancellationToken: Ct))[0];

        var expected = ReferenceEmbedding(generator.Tokenize(text), pooling, normalize: true);
        Assert.Equal(fixture.Model.Hidden, embedding.Vector.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], embedding.Vector.Span[i], 1e-4);
        }

        Assert.Equal(1f, TensorPrimitives.Norm(embedding.Vector.Span), 1e-4);
        Assert.Equal("tiny-bert@1", embedding.ModelId);
    }

    [Fact]
    public async Task GenerateAsync_WithoutNormalisation_KeepsRawMeanOfUnpaddedTokens()
    {
        using var generator = new OnnxSentenceEmbeddingGenerator(fixture.Options(normalize: false, batchSize: 2));

        // The short text is padded to the long one's length; padding must not leak into its mean.
        var embeddings = await generator.GenerateAsync(["cat", "the cat sat on the mat ."], cancellationToken: Ct);

        var expected = ReferenceEmbedding(generator.Tokenize("cat"), EmbeddingPooling.Mean, normalize: false);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], embeddings[0].Vector.Span[i], 1e-4);
        }
    }

    [Fact]
    public async Task GenerateAsync_Batched_EqualsOneByOne()
    {
        string[] texts = ["the cat", "a dog runs", "late refund for a damaged parcel", "card", "the mat", "played"];
        using var batched = new OnnxSentenceEmbeddingGenerator(fixture.Options(batchSize: 4));
        using var single = new OnnxSentenceEmbeddingGenerator(fixture.Options(batchSize: 1));

        var together = await batched.GenerateAsync(texts, cancellationToken: Ct);
        var apart = await single.GenerateAsync(texts, cancellationToken: Ct);

        Assert.Equal(texts.Length, together.Count);
        for (var t = 0; t < texts.Length; t++)
        {
            for (var i = 0; i < fixture.Model.Hidden; i++)
            {
                Assert.Equal(apart[t].Vector.Span[i], together[t].Vector.Span[i], 1e-5);
            }
        }
    }

    [Fact]
    public void Constructor_Model_ReportsDimensionAndMetadata()
    {
        using var generator = new OnnxSentenceEmbeddingGenerator(fixture.Options());

        var metadata = generator.GetService(typeof(Microsoft.Extensions.AI.EmbeddingGeneratorMetadata)) as Microsoft.Extensions.AI.EmbeddingGeneratorMetadata;

        Assert.Equal(8, generator.Dimension);
        Assert.Equal("tiny-bert@1", metadata!.DefaultModelId);
    }
}
