namespace Designer.Inference.Serving;

/// <summary>The model's answer for one input row.</summary>
/// <param name="Scores">The output row (class probabilities for classifiers, the vector for embeddings).</param>
/// <param name="Label">Arg-max class label (classifiers with labels), else null.</param>
/// <param name="Confidence">Max class probability (classifiers), else null.</param>
public sealed record RowPrediction(float[] Scores, string? Label, float? Confidence);
