using Designer.Runtime.Executors;

namespace Designer.Runtime.Tests.ChatModels;

/// <summary>
/// Issue 12 ("estimate with Microsoft.ML.Tokenizers before sending for budget checks"): the pre-send estimate counts
/// tokens with the o200k_base encoding instead of characters ÷ 4, which undercounts non-Latin text several times.
/// </summary>
public sealed class Issue12TokenEstimateTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("Hello, world!", 4)]
    [InlineData("The quick brown fox jumps over the lazy dog.", 10)]
    public void EstimateTokens_Issue12_LatinText_CountsEncodingTokens(string text, int expected)
    {
        // Act
        var tokens = ChatBudget.EstimateTokens(text);

        // Assert
        Assert.Equal(expected, tokens);
    }

    [Fact]
    public void EstimateTokens_Issue12_JapaneseText_CountsFarMoreThanCharactersOverFour()
    {
        // Arrange: 44 characters of Japanese; characters ÷ 4 would say 11.
        var text = string.Concat(Enumerable.Repeat("返金の申請を確認しました。", 3)) + "ありがとう";

        // Act
        var tokens = ChatBudget.EstimateTokens(text);

        // Assert
        Assert.InRange(tokens, 15, text.Length);
    }
}
