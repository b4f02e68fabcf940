using Designer.Inference.Corpus;

namespace Designer.Inference.Training;

/// <summary>One training example: a <see cref="DisputeFeatures"/> vector and whether the dispute was high-risk.</summary>
/// <param name="Features">The feature vector.</param>
/// <param name="HighRisk">Whether the dispute is high-risk: the label the model learns.</param>
public sealed record LabelledExample(float[] Features, bool HighRisk)
{
    /// <summary>An example labelled with the corpus outcome.</summary>
    public static LabelledExample FromRecord(DisputeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new LabelledExample(DisputeFeatures.Extract(record), record.HighRisk);
    }

    /// <summary>An example labelled by a human reviewer's decision, which overrides the corpus outcome.</summary>
    /// <param name="reviewerSaysHighRisk">The human decision.</param>
    public static LabelledExample FromDecision(DisputeRecord record, bool reviewerSaysHighRisk)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new LabelledExample(DisputeFeatures.Extract(record), reviewerSaysHighRisk);
    }
}
