using Designer.Inference.Onnx;

namespace Designer.Inference.Training;

/// <summary>
/// A trained, calibrated logistic-regression risk model over <see cref="DisputeFeatures"/>. Weights are in raw
/// feature space (standardisation is folded in), so the ONNX export takes the unscaled feature vector.
/// </summary>
/// <param name="FeatureNames">Feature names in input order.</param>
/// <param name="Weights">One weight per feature, raw feature space.</param>
/// <param name="Bias">Intercept, raw feature space.</param>
/// <param name="Calibration">Platt scaling applied to the logit.</param>
/// <param name="Metrics">Held-out metrics.</param>
public sealed record TrainedRiskModel(
    IReadOnlyList<string> FeatureNames,
    float[] Weights,
    float Bias,
    PlattCalibration Calibration,
    RiskModelMetrics Metrics)
{
    /// <summary>Class labels of the <c>probabilities</c> output, in column order.</summary>
    public static IReadOnlyList<string> Labels { get; } = ["low-risk", "high-risk"];

    /// <summary>Calibrated P(high-risk), computed exactly as the exported ONNX graph does (float weights, double sum).</summary>
    /// <param name="features">A <see cref="DisputeFeatures"/> vector.</param>
    public double PredictProbability(ReadOnlySpan<float> features) => Probability(Weights, Bias, Calibration, features);

    /// <summary>The folded-calibration math shared with the trainer, mirroring the ONNX graph's float weights.</summary>
    internal static double Probability(float[] weights, float bias, PlattCalibration calibration, ReadOnlySpan<float> features)
    {
        double z = (calibration.Scale * bias) + calibration.Offset;
        for (var i = 0; i < weights.Length; i++)
        {
            z += features[i] * (double)(calibration.Scale * weights[i]);
        }

        return 1.0 / (1.0 + Math.Exp(-z));
    }

    /// <summary>
    /// Exports the model as ONNX: input <c>input</c> [batch, features], output <c>probabilities</c> [batch, 2] =
    /// [P(low-risk), P(high-risk)]. Confidence is not a graph output: the serving layer reports the max
    /// probability, so every classifier gets the same definition.
    /// </summary>
    public byte[] ToOnnx() => OnnxModelFactory.LogisticRegression(Weights, Bias, Calibration);
}
