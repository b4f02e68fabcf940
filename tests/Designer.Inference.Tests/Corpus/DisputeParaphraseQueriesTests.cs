using Designer.Inference.Corpus;

namespace Designer.Inference.Tests.Corpus;

public sealed class DisputeParaphraseQueriesTests
{
    [Fact]
    public void Generate_SameSeed_YieldsIdenticalQueriesForEveryIntent()
    {
        // Act
        var first = DisputeParaphraseQueries.Generate();
        var second = DisputeParaphraseQueries.Generate();

        // Assert
        Assert.Equal(first, second);
        Assert.Equal(DisputeParaphraseQueries.Intents.Count * 6, first.Count);
        Assert.Equal(DisputeParaphraseQueries.Intents.Order(StringComparer.Ordinal), DisputeCorpus.Default.Select(d => d.Intent).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Generate_Queries_AreNotSentencesOfTheCorpus()
    {
        // Arrange
        var narratives = string.Join('\n', DisputeCorpus.Default.Select(d => d.Narrative));

        // Act
        var verbatim = DisputeParaphraseQueries.Generate().Where(q => narratives.Contains(q.Text, StringComparison.OrdinalIgnoreCase)).ToList();

        // Assert: held-out sentence frames; a query may share words with disputes, never a whole sentence.
        Assert.True(verbatim.Count == 0, string.Join(" | ", verbatim.Select(q => q.Text)));
    }
}
