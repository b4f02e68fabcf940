namespace Designer.Inference.Training;

/// <summary>Hyper-parameters of <see cref="RiskModelTrainer"/>; the defaults train the bootstrap <c>dispute-risk</c> v1.</summary>
public sealed record RiskTrainingOptions
{
    /// <summary>Seed of the train/calibration/test shuffle; the same seed and data give the same model.</summary>
    public ulong Seed { get; init; } = 7;

    /// <summary>Share of examples held out for the reported metrics.</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>Share of examples used to fit the Platt calibration (not the weights).</summary>
    public double CalibrationFraction { get; init; } = 0.1;

    /// <summary>Full-batch gradient-descent iterations.</summary>
    public int Epochs { get; init; } = 600;

    /// <summary>Gradient-descent step on standardised features.</summary>
    public double LearningRate { get; init; } = 0.5;

    /// <summary>L2 penalty on the (standardised) weights.</summary>
    public double L2 { get; init; } = 1e-3;
}
