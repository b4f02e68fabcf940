using Designer.Inference.Corpus;

namespace Designer.Inference.Training;

/// <summary>
/// The fixed feature vector of the dispute risk model. Its order and meaning are part of the model contract: any
/// caller of <c>dispute-risk</c> (the workflow's model node) builds its input row with <see cref="Extract(DisputeRecord)"/>.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item><c>log_amount</c>: ln(1 + amount); currencies are not converted (EUR, USD and GBP are close enough here).</item>
/// <item><c>cat_fraud</c> … <c>cat_other</c>: one-hot category in <see cref="DisputeCategories.All"/> order (5 values).</item>
/// <item><c>merchant_dispute_rate</c>: the merchant's observed historical dispute rate in [0, 1].</item>
/// <item><c>log_tenure_years</c>: ln(1 + tenure months / 12).</item>
/// <item><c>risk_signals</c>: count of <see cref="NarrativeSignals.RiskStems"/> in the narrative.</item>
/// <item><c>benign_signals</c>: count of <see cref="NarrativeSignals.BenignStems"/> in the narrative.</item>
/// </list>
/// </remarks>
public static class DisputeFeatures
{
    /// <summary>The feature names, in vector order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "log_amount", "cat_fraud", "cat_not_received", "cat_duplicate", "cat_quality", "cat_other",
        "merchant_dispute_rate", "log_tenure_years", "risk_signals", "benign_signals",
    ];

    /// <summary>The vector length.</summary>
    public static int Count => Names.Count;

    /// <summary>Builds the feature vector of a dispute.</summary>
    public static float[] Extract(DisputeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Extract(record.Amount, record.Category, record.MerchantDisputeRate, record.CustomerTenureMonths, record.Narrative);
    }

    /// <summary>Builds the feature vector from raw fields (for disputes that are not corpus records).</summary>
    /// <param name="amount">Disputed amount.</param>
    /// <param name="category">Category; unknown values count as <see cref="DisputeCategories.Other"/>.</param>
    /// <param name="merchantDisputeRate">Merchant's observed dispute rate in [0, 1].</param>
    /// <param name="tenureMonths">Customer tenure in months.</param>
    /// <param name="narrative">Customer narrative.</param>
    public static float[] Extract(decimal amount, string category, double merchantDisputeRate, int tenureMonths, string narrative)
    {
        ArgumentNullException.ThrowIfNull(narrative);
        var features = new float[Count];
        features[0] = (float)Math.Log(1.0 + Math.Max(0.0, (double)amount));
        var categoryIndex = DisputeCategories.All.ToList().IndexOf(category);
        features[1 + (categoryIndex < 0 ? DisputeCategories.All.Count - 1 : categoryIndex)] = 1f;
        features[6] = (float)Math.Clamp(merchantDisputeRate, 0.0, 1.0);
        features[7] = (float)Math.Log(1.0 + (Math.Max(0, tenureMonths) / 12.0));
        features[8] = NarrativeSignals.Count(narrative, NarrativeSignals.RiskStems);
        features[9] = NarrativeSignals.Count(narrative, NarrativeSignals.BenignStems);
        return features;
    }
}
