using Designer.Inference.Corpus;
using Designer.Inference.Training;

namespace Designer.Inference.Tests.Training;

public sealed class DisputeFeaturesTests
{
    [Fact]
    public void Extract_KnownDispute_ProducesDocumentedVector()
    {
        // Act
        var features = DisputeFeatures.Extract(
            99m, DisputeCategories.Duplicate, 0.125, 24, "My card was STOLEN and I never authorised this. It may have been my mistake.");

        // Assert: log_amount, 5 category one-hots, merchant rate, log tenure years, risk and benign signal counts.
        Assert.Equal(10, features.Length);
        Assert.Equal(Math.Log(100), features[0], 5);
        Assert.Equal([0f, 0, 1, 0, 0], features[1..6]);
        Assert.Equal(0.125f, features[6]);
        Assert.Equal(Math.Log(3), features[7], 5);
        Assert.Equal(2f, features[8]);
        Assert.Equal(1f, features[9]);
    }

    [Fact]
    public void Extract_UnknownCategory_CountsAsOther()
    {
        // Act
        var features = DisputeFeatures.Extract(1m, "chargeback", 0, 0, string.Empty);

        // Assert
        Assert.Equal([0f, 0, 0, 0, 1], features[1..6]);
    }

    [Fact]
    public void Names_MatchVectorLength()
    {
        // Act + Assert
        Assert.Equal(DisputeFeatures.Count, DisputeFeatures.Extract(DisputeCorpus.Default[0]).Length);
        Assert.Equal(DisputeFeatures.Count, DisputeFeatures.Names.Distinct().Count());
    }
}
