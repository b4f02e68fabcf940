using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Designer.Inference.Corpus;

namespace Designer.Inference.Tests.Corpus;

public sealed class DisputeCorpusTests
{
    // Pins the default corpus: the retrieval module ingests the same records, so any change here is a breaking change.
    // Narratives were re-worded (synonym slots from a separate wording stream) for paraphrase retrieval; the facts and
    // labels below are those of the original corpus, which is what keeps the risk model's numbers unchanged.
    private const string GoldenHashOfFirst50 = "cd893964ab0091311cf80ee83849c1ff5be83921ddb6bf8193e387ac5666af4e";
    private const string GoldenFactsHashOfFirst500 = "f579dddcb36bbdaf275b9dee0f09c4c5bf727253d2a93704749d32faa6026b71";

    [Fact]
    public void Default_First50Records_MatchGoldenHash()
    {
        // Arrange
        var records = DisputeCorpus.Default.Take(50);

        // Act
        var hash = Fingerprint(records);

        // Assert
        Assert.Equal(GoldenHashOfFirst50, hash);
    }

    [Fact]
    public void Default_First500RecordsFactsAndLabels_MatchGoldenHash()
    {
        // Arrange
        var records = DisputeCorpus.Default.Take(500);

        // Act
        var text = new StringBuilder();
        foreach (var r in records)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Id}|{r.Category}|{r.Amount:0.00}|{r.Currency}|{r.Merchant}|{r.MerchantDisputeRate:0.0000}|")
                .Append(CultureInfo.InvariantCulture, $"{r.CustomerTenureMonths}|{r.OpenedOn:yyyy-MM-dd}|{r.Resolution}|{r.HighRisk}\n");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));

        // Assert
        Assert.Equal(GoldenFactsHashOfFirst500, hash);
    }

    [Fact]
    public void Default_Intents_CoverItemsAndTopicsAndMatchTheNarrative()
    {
        // Act
        var intents = DisputeCorpus.Default.GroupBy(r => r.Intent).ToDictionary(g => g.Key, g => g.Count());

        // Assert: 13 items × 2 item categories + 4 "other" topics + fraud + duplicate.
        Assert.Equal(32, intents.Count);
        Assert.All(intents.Values, count => Assert.True(count >= 30, $"an intent has only {count} records"));
        Assert.All(DisputeCorpus.Default, r => Assert.StartsWith(r.Category, r.Intent, StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_SameSeed_YieldsIdenticalRecords()
    {
        // Act
        var first = DisputeCorpus.Generate(500, seed: 42);
        var second = DisputeCorpus.Generate(500, seed: 42);

        // Assert
        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_DifferentSeed_YieldsDifferentRecords()
    {
        // Act
        var first = DisputeCorpus.Generate(50, seed: 1);
        var second = DisputeCorpus.Generate(50, seed: 2);

        // Assert
        Assert.NotEqual(Fingerprint(first), Fingerprint(second));
    }

    [Fact]
    public void Default_Labels_AreBalancedEnoughToLearn()
    {
        // Act
        var positiveRate = DisputeCorpus.Default.Average(r => r.HighRisk ? 1.0 : 0.0);
        var fraudRate = DisputeCorpus.Default.Where(r => r.Category == DisputeCategories.Fraud).Average(r => r.HighRisk ? 1.0 : 0.0);
        var duplicateRate = DisputeCorpus.Default.Where(r => r.Category == DisputeCategories.Duplicate).Average(r => r.HighRisk ? 1.0 : 0.0);

        // Assert
        Assert.Equal(DisputeCorpus.DefaultCount, DisputeCorpus.Default.Count);
        Assert.InRange(positiveRate, 0.15, 0.40);
        Assert.True(fraudRate > duplicateRate, "fraud disputes should be riskier than duplicates");
    }

    [Fact]
    public void Default_Records_CoverEveryCategoryAndManyMerchantsAndNarratives()
    {
        // Act
        var corpus = DisputeCorpus.Default;

        // Assert
        Assert.Equal(DisputeCategories.All.Order(), corpus.Select(r => r.Category).Distinct().Order());
        Assert.InRange(corpus.Select(r => r.Merchant).Distinct().Count(), 250, DisputeCorpus.MerchantCount);
        Assert.True(corpus.Select(r => r.Narrative).Distinct().Count() > 4500, "narratives should be varied");
        Assert.Equal(corpus.Count, corpus.Select(r => r.Id).Distinct().Count());
        Assert.All(corpus, r => Assert.True(r.Amount > 0 && r.CustomerTenureMonths > 0 && r.Resolution.Length > 0));
    }

    [Fact]
    public void Default_RiskPhrasesAppearInBothKeywordAndParaphrasedForms()
    {
        // Act: some narratives carry a risk stem; some fraud narratives deny the charge without any stem.
        var fraud = DisputeCorpus.Default.Where(r => r.Category == DisputeCategories.Fraud).ToList();
        var withStem = fraud.Count(r => NarrativeSignals.Count(r.Narrative, NarrativeSignals.RiskStems) > 0);

        // Assert
        Assert.InRange(withStem, fraud.Count / 4, fraud.Count - 50);
    }

    internal static string Fingerprint(IEnumerable<DisputeRecord> records)
    {
        var text = new StringBuilder();
        foreach (var r in records)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Id}|{r.Category}|{r.Amount:0.00}|{r.Currency}|{r.Merchant}|{r.MerchantDisputeRate:0.0000}|")
                .Append(CultureInfo.InvariantCulture, $"{r.CustomerTenureMonths}|{r.OpenedOn:yyyy-MM-dd}|{r.Narrative}|{r.Resolution}|{r.HighRisk}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
