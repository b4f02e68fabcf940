using Designer.Inference.Corpus;
using Designer.Inference.Onnx;
using Designer.Inference.Tests.Onnx;
using Designer.Inference.Training;

namespace Designer.Inference.Tests.Training;

public sealed class RiskModelTrainerTests
{
    // Measured on the default corpus: AUC 0.826, accuracy 0.796, ECE 0.026. Floors sit a little below.
    private const double AucFloor = 0.80;
    private const double AccuracyFloor = 0.77;
    private const double EceCeiling = 0.05;

    private static readonly Lazy<TrainedRiskModel> Model = new(() => RiskModelTrainer.TrainOnCorpus());

    [Fact]
    public void TrainOnCorpus_HeldOutSplit_AucAndAccuracyAboveFloor()
    {
        // Act
        var metrics = Model.Value.Metrics;

        // Assert
        Assert.True(metrics.Auc >= AucFloor, $"AUC {metrics.Auc}");
        Assert.True(metrics.Accuracy >= AccuracyFloor, $"accuracy {metrics.Accuracy}");
        Assert.Equal(DisputeCorpus.DefaultCount, metrics.TrainCount + metrics.CalibrationCount + metrics.TestCount);
        Assert.Equal(1000, metrics.TestCount);
    }

    [Fact]
    public void TrainOnCorpus_HeldOutSplit_IsWellCalibrated()
    {
        // Act
        var metrics = Model.Value.Metrics;

        // Assert
        Assert.True(metrics.ExpectedCalibrationError <= EceCeiling, $"ECE {metrics.ExpectedCalibrationError}");
        Assert.True(metrics.LogLoss < 0.69, $"log loss {metrics.LogLoss} should beat a coin flip");
    }

    [Fact]
    public void Train_SameData_IsDeterministic()
    {
        // Arrange
        var examples = DisputeCorpus.Generate(600, seed: 9).Select(LabelledExample.FromRecord).ToArray();

        // Act
        var first = RiskModelTrainer.Train(examples);
        var second = RiskModelTrainer.Train(examples);

        // Assert
        Assert.Equal(first.Weights, second.Weights);
        Assert.Equal(first.Bias, second.Bias);
        Assert.Equal(first.Metrics, second.Metrics);
    }

    [Fact]
    public void Train_LearnsExpectedSigns()
    {
        // Act
        var model = Model.Value;
        var weight = (string name) => model.Weights[DisputeFeatures.Names.ToList().IndexOf(name)];

        // Assert: the hidden ground truth raises risk with merchant history and risk phrases, lowers it with tenure.
        Assert.True(weight("merchant_dispute_rate") > 0);
        Assert.True(weight("risk_signals") > 0);
        Assert.True(weight("benign_signals") < 0);
        Assert.True(weight("log_tenure_years") < 0);
        Assert.True(weight("cat_fraud") > weight("cat_duplicate"));
    }

    [Fact]
    public void ToOnnx_CorpusRows_MatchCSharpProbabilities()
    {
        // Arrange
        var model = Model.Value;
        var rows = DisputeCorpus.Default.Take(256).Select(DisputeFeatures.Extract).ToArray();

        // Act
        var actual = OrtRunner.Run(model.ToOnnx(), rows, OnnxModelFactory.ProbabilitiesOutput);

        // Assert
        for (var r = 0; r < rows.Length; r++)
        {
            var expected = model.PredictProbability(rows[r]);
            Assert.True(Math.Abs(expected - actual[r][1]) <= 1e-5, $"row {r}: {expected} vs {actual[r][1]}");
            Assert.True(Math.Abs((1 - expected) - actual[r][0]) <= 1e-5, $"row {r}: complement");
        }
    }

    [Fact]
    public void Train_TooFewExamples_Throws()
    {
        // Arrange
        var examples = DisputeCorpus.Generate(20).Select(LabelledExample.FromRecord).ToArray();

        // Act + Assert
        Assert.Throws<ArgumentException>(() => RiskModelTrainer.Train(examples));
    }

    [Fact]
    public void Auc_PerfectAndInvertedRankings_AreOneAndZero()
    {
        // Arrange
        double[] p = [0.1, 0.2, 0.8, 0.9];
        bool[] y = [false, false, true, true];

        // Act + Assert
        Assert.Equal(1.0, ClassificationMetrics.Auc(p, y));
        Assert.Equal(0.0, ClassificationMetrics.Auc(p, y.Select(v => !v).ToArray()));
        Assert.Equal(0.5, ClassificationMetrics.Auc([0.5, 0.5], [true, false]));
    }
}
