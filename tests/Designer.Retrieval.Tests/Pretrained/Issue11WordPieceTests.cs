using Designer.Inference.Pretrained;
using Designer.Inference.Text;

namespace Designer.Retrieval.Tests.Pretrained;

/// <summary>
/// Issue 11: the tokenizer front end follows Hugging Face's uncased BertTokenizer (lower-case, strip accents, split every
/// punctuation character and ASCII symbol), pinned token by token on the shipped vocabulary.
/// </summary>
public sealed class Issue11WordPieceTests
{
    private static readonly Lazy<(WordPieceEncoder Encoder, string[] Vocabulary)> MiniLm = new(() =>
    {
        var carrier = Path.Combine(PretrainedModels.DefaultCarrierDirectory, PretrainedModels.MiniLm.CarrierFile);
        var vocabulary = PretrainedCarrier.ReadResource(carrier, PretrainedModels.MiniLm.VocabularyResource);
        var lines = System.Text.Encoding.UTF8.GetString(vocabulary).Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        return (new WordPieceEncoder(PretrainedModels.MiniLm.TextEncoder, vocabulary), lines);
    });

    [Theory]
    [InlineData("Naïve CAFÉ", "[CLS] naive cafe [SEP]")]
    [InlineData("EUR -> GBP", "[CLS] eu ##r - > gb ##p [SEP]")]
    [InlineData("a+b=c $5 50% x|y ~z `q`", "[CLS] a + b = c $ 5 50 % x | y ~ z ` q ` [SEP]")]
    [InlineData("(1.1700 vs 1.2000).", "[CLS] ( 1 . 1700 vs 1 . 2000 ) . [SEP]")]
    public void Tokenize_Text_MatchesHuggingFaceBasicTokenization(string text, string expected)
    {
        // Act
        var ids = MiniLm.Value.Encoder.Tokenize(text, out var truncated);

        // Assert
        Assert.False(truncated);
        Assert.Equal(expected, string.Join(' ', ids.Select(id => MiniLm.Value.Vocabulary[id])));
    }

    [Fact]
    public void EncodeRow_Query_StartsWithTokenCountThenIds()
    {
        // Act
        var row = MiniLm.Value.Encoder.EncodeRow("card", isQuery: true, out _);

        // Assert: MiniLM has no prefix, so [CLS] card [SEP]; the rest of the window is zero.
        Assert.Equal(PretrainedModels.MiniLm.TextEncoder.MaxTokens + 1, row.Length);
        Assert.Equal(3f, row[0]);
        Assert.Equal("card", MiniLm.Value.Vocabulary[(int)row[2]]);
        Assert.All(row.Skip(4), v => Assert.Equal(0f, v));
    }
}
