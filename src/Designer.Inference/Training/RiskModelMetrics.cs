namespace Designer.Inference.Training;

/// <summary>Held-out quality of a trained risk model (all computed on the test split, never seen in training).</summary>
/// <param name="TrainCount">Examples used to fit the weights.</param>
/// <param name="CalibrationCount">Examples used to fit the Platt calibration.</param>
/// <param name="TestCount">Held-out examples the metrics below come from.</param>
/// <param name="PositiveRate">Share of high-risk labels in the test split.</param>
/// <param name="Auc">Area under the ROC curve.</param>
/// <param name="Accuracy">Accuracy at threshold 0.5.</param>
/// <param name="LogLoss">Mean negative log-likelihood.</param>
/// <param name="ExpectedCalibrationError">ECE over 10 equal-width probability bins.</param>
/// <param name="Brier">Mean squared error of the probability.</param>
public sealed record RiskModelMetrics(
    int TrainCount,
    int CalibrationCount,
    int TestCount,
    double PositiveRate,
    double Auc,
    double Accuracy,
    double LogLoss,
    double ExpectedCalibrationError,
    double Brier)
{
    /// <summary>The metrics as name/value pairs, as stored in the model registry and the audit log.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>
    {
        ["trainCount"] = TrainCount,
        ["calibrationCount"] = CalibrationCount,
        ["testCount"] = TestCount,
        ["trainingDataSize"] = TrainCount + CalibrationCount + TestCount,
        ["positiveRate"] = PositiveRate,
        ["auc"] = Auc,
        ["accuracy"] = Accuracy,
        ["logLoss"] = LogLoss,
        ["ece"] = ExpectedCalibrationError,
        ["brier"] = Brier,
    };
}
