using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Inference.Corpus;

namespace Designer.Web.Evaluations;

/// <summary>
/// The dispute-triage demo's held-out evaluation set. The generator is sequential, so records 5,001 onwards of the
/// default seed continue the same merchants and ground truth as the 5,000 that train <c>dispute-risk</c> and fill
/// <c>past-disputes</c>, yet none of them was used for either (the range is disjoint; a different seed would also
/// draw different merchants, i.e. another population). Label: a high-risk dispute should reach the analyst
/// (<c>analyst</c>, tagged <c>critical</c>: auto-resolving it is the costly mistake), any other should be
/// auto-resolved (<c>auto</c>).
/// </summary>
public static class DemoHoldout
{
    /// <summary>The seeded dataset's name.</summary>
    public const string DatasetName = "dispute-triage-holdout";

    /// <summary>Cases in the seeded dataset.</summary>
    public const int DefaultCount = 1000;

    /// <summary>The first record number of the held-out range (1-based; the corpus is 1..5,000).</summary>
    public const int FirstRecord = DisputeCorpus.DefaultCount + 1;

    /// <summary>Generates <paramref name="count"/> labelled cases from the held-out range.</summary>
    /// <param name="count">Number of cases.</param>
    public static IReadOnlyList<NewDatasetCase> Cases(int count = DefaultCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var records = DisputeCorpus.Generate(DisputeCorpus.DefaultCount + count, DisputeCorpus.DefaultSeed);
        return [.. records.Skip(DisputeCorpus.DefaultCount).Select(ToCase)];
    }

    /// <summary>The run input of a generated dispute.</summary>
    /// <returns>Input matching the demo's start schema.</returns>
    public static JsonObject Input(DisputeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new JsonObject
        {
            ["amount"] = (double)record.Amount,
            ["currency"] = record.Currency,
            ["category"] = record.Category,
            ["merchant"] = record.Merchant,
            ["description"] = record.Narrative,
            ["customerTenureMonths"] = record.CustomerTenureMonths,
            ["merchantDisputeRate"] = record.MerchantDisputeRate,
        };
    }

    private static NewDatasetCase ToCase(DisputeRecord record)
    {
        List<string> tags = [record.Category, record.HighRisk ? "high-risk" : "low-risk", $"record:{record.Id}"];
        if (record.HighRisk)
        {
            tags.Add(EvaluationReport.CriticalTag);
        }

        var amountBand = record.Amount > 5000 ? "amount>5000" : record.Amount > 1000 ? "amount>1000" : null;
        if (amountBand is not null)
        {
            tags.Add(amountBand);
        }

        return new NewDatasetCase(
            Input(record).ToJsonString(), record.HighRisk ? "analyst" : "auto", null, tags, null,
            string.Create(CultureInfo.InvariantCulture, $"generator"));
    }
}
