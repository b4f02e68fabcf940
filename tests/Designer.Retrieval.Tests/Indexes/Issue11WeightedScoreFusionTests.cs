using System.Text.Json.Nodes;
using Designer.Retrieval.Indexes;

namespace Designer.Retrieval.Tests.Indexes;

/// <summary>Issue 11: weighted score fusion, whose end points are its parts and whose middle keeps score gaps.</summary>
public sealed class Issue11WeightedScoreFusionTests
{
    private static readonly IReadOnlyList<SearchHit> Dense = [Hit("a", 0.91), Hit("b", 0.90), Hit("c", 0.40)];
    private static readonly IReadOnlyList<SearchHit> Lexical = [Hit("c", 12.0), Hit("d", 3.0), Hit("b", 2.5)];

    [Fact]
    public void Fuse_WeightOne_IsTheDenseOrder()
    {
        // Act
        var fused = WeightedScoreFusion.Fuse(Dense, Lexical, 1.0, 3);

        // Assert
        Assert.Equal(["a", "b", "c"], fused.Select(h => h.Id));
    }

    [Fact]
    public void Fuse_WeightZero_IsTheLexicalOrder()
    {
        // Act
        var fused = WeightedScoreFusion.Fuse(Dense, Lexical, 0.0, 2);

        // Assert: min-max puts a leg's last candidate at 0, level with what it did not return, so only the head is pinned.
        Assert.Equal(["c", "d"], fused.Select(h => h.Id));
    }

    [Fact]
    public void Fuse_EvenWeight_RewardsAgreementAndKeepsScoreGaps()
    {
        // Arrange: b is near the top of dense and in lexical; a tops dense only; c tops lexical but is far behind in dense.
        // Normalised: dense a 1, b 0.98, c 0; lexical c 1, d 0.0526, b 0.
        // Act
        var fused = WeightedScoreFusion.Fuse(Dense, Lexical, 0.5, 4);

        // Assert: a 0.5, b 0.49, c 0.5 → a and c tie (id order), then b, then d 0.026.
        Assert.Equal(["a", "c", "b", "d"], fused.Select(h => h.Id));
        Assert.Equal(0.5, fused[0].Score, 6);
        Assert.Equal(0.5 * (0.90 - 0.40) / (0.91 - 0.40), fused[2].Score, 6);
    }

    [Fact]
    public void Fuse_SingleCandidateList_GivesItFullWeight()
    {
        // Act
        var fused = WeightedScoreFusion.Fuse([Hit("x", 0.2)], [], 0.7, 5);

        // Assert
        Assert.Equal(0.7, Assert.Single(fused).Score, 6);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Fuse_WeightOutsideUnitInterval_Throws(double weight)
    {
        Assert.ThrowsAny<ArgumentException>(() => WeightedScoreFusion.Fuse(Dense, Lexical, weight, 3));
    }

    private static SearchHit Hit(string id, double score) => new(id, score, id, new JsonObject());
}
