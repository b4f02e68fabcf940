using Designer.Inference.Onnx;
using Designer.Inference.Text;

namespace Designer.Inference.Tests.Text;

public sealed class TermCountEncoderTests
{
    [Theory]
    [InlineData("charged", "charg")]
    [InlineData("charges", "charg")]
    [InlineData("charging", "charg")]
    [InlineData("deliveries", "delivery")]
    [InlineData("stopped", "stop")]
    [InlineData("broken", "broken")]
    public void Stem_Inflections_MeetOnOneStem(string word, string expected)
    {
        // Act
        var stem = TextTokenizer.Stem(word);

        // Assert
        Assert.Equal(expected, stem);
    }

    [Fact]
    public void Tokenize_Sentence_DropsStopWordsNumbersAndPunctuation()
    {
        // Act
        var terms = TextTokenizer.Tokenize("I don't recognise the 45.00 EUR charge from Acme-Shop!");

        // Assert
        Assert.Equal(["dont", "recognis", "eur", "charg", "acme", "shop"], terms);
    }

    [Fact]
    public void Encode_Text_CountsKnownTermsAndReportsAllTokens()
    {
        // Arrange
        var encoder = new TermCountEncoder(["charg", TextTokenizer.Stem("twice"), "acme"]);

        // Act
        var row = encoder.Encode("Acme charged me twice, two charges!", out var tokens);

        // Assert
        Assert.Equal([2f, 1f, 1f], row);
        Assert.Equal(5, tokens); // acme, charg, twice, two, charg
    }

    [Fact]
    public void FromModel_ModelWithVocabulary_RoundTrips()
    {
        // Arrange
        var encoder = new TermCountEncoder(["alpha", "beta"]);
        var model = OnnxModelFactory.TermProjectionEmbedding([1f, 1f], [1f, 0f, 0f, 1f], 2, encoder.ToMetadata(), TermCountEncoder.InputName);

        // Act
        var read = TermCountEncoder.FromModel(model);

        // Assert
        Assert.Equal(["alpha", "beta"], read.Vocabulary);
    }

    [Fact]
    public void FromModel_ModelWithoutVocabulary_Throws()
    {
        // Arrange
        var model = OnnxModelFactory.TermProjectionEmbedding([1f], [1f], 1, new Dictionary<string, string>());

        // Act + Assert
        Assert.Throws<NotSupportedException>(() => TermCountEncoder.FromModel(model));
    }
}
