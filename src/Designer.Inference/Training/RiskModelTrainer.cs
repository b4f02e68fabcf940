using Designer.Inference.Corpus;
using Designer.Inference.Onnx;

namespace Designer.Inference.Training;

/// <summary>
/// Trains the dispute risk model: logistic regression by full-batch gradient descent on standardised features,
/// Platt calibration on a separate split, metrics on a held-out split. Deterministic for a given seed and data.
/// </summary>
public static class RiskModelTrainer
{
    /// <summary>Trains on <paramref name="examples"/>.</summary>
    /// <param name="examples">Labelled examples; at least 50, with both labels present.</param>
    /// <param name="options">Hyper-parameters, or the defaults.</param>
    public static TrainedRiskModel Train(IReadOnlyList<LabelledExample> examples, RiskTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        options ??= new RiskTrainingOptions();
        if (options.TestFraction is <= 0 or >= 0.5 || options.CalibrationFraction is < 0 or >= 0.5 || options.Epochs < 1)
        {
            throw new ArgumentException("TestFraction must be in (0, 0.5), CalibrationFraction in [0, 0.5) and Epochs at least 1.", nameof(options));
        }
        if (examples.Count < 50 || examples.All(e => e.HighRisk) || examples.All(e => !e.HighRisk))
        {
            throw new ArgumentException("Training needs at least 50 examples with both labels present.", nameof(examples));
        }

        var featureCount = examples[0].Features.Length;
        var order = Shuffle(examples.Count, options.Seed);
        var testCount = (int)(examples.Count * options.TestFraction);
        var calibrationCount = (int)(examples.Count * options.CalibrationFraction);
        var test = order[..testCount].Select(i => examples[i]).ToArray();
        var calibration = order[testCount..(testCount + calibrationCount)].Select(i => examples[i]).ToArray();
        var train = order[(testCount + calibrationCount)..].Select(i => examples[i]).ToArray();

        var (mean, scale) = Standardisation(train, featureCount);
        var (w, b) = GradientDescent(train, mean, scale, options);

        // Fold standardisation into raw-space weights: w·(x−μ)/σ + b = (w/σ)·x + (b − Σ wμ/σ).
        var weights = new float[featureCount];
        var bias = b;
        for (var j = 0; j < featureCount; j++)
        {
            weights[j] = (float)(w[j] / scale[j]);
            bias -= w[j] * mean[j] / scale[j];
        }

        var floatBias = (float)bias;
        var platt = calibration.Length >= 20
            ? PlattFitter.Fit(calibration.Select(e => Logit(weights, floatBias, e.Features)).ToArray(), calibration.Select(e => e.HighRisk).ToArray())
            : PlattCalibration.Identity;

        var p = test.Select(e => TrainedRiskModel.Probability(weights, floatBias, platt, e.Features)).ToArray();
        var y = test.Select(e => e.HighRisk).ToArray();
        var metrics = new RiskModelMetrics(
            train.Length,
            calibration.Length,
            test.Length,
            y.Count(v => v) / (double)Math.Max(1, y.Length),
            ClassificationMetrics.Auc(p, y),
            ClassificationMetrics.Accuracy(p, y),
            ClassificationMetrics.LogLoss(p, y),
            ClassificationMetrics.ExpectedCalibrationError(p, y),
            ClassificationMetrics.Brier(p, y));
        var names = DisputeFeatures.Count == featureCount ? DisputeFeatures.Names : Generic(featureCount);
        return new TrainedRiskModel(names, weights, floatBias, platt, metrics);
    }

    /// <summary>Trains on the labelled outcomes of the generated corpus (the bootstrap <c>dispute-risk</c> v1).</summary>
    /// <param name="corpus">The corpus, by default <see cref="DisputeCorpus.Default"/>.</param>
    public static TrainedRiskModel TrainOnCorpus(IReadOnlyList<DisputeRecord>? corpus = null) =>
        Train((corpus ?? DisputeCorpus.Default).Select(LabelledExample.FromRecord).ToArray());

    private static double Logit(float[] weights, float bias, float[] x)
    {
        double z = bias;
        for (var j = 0; j < x.Length; j++)
        {
            z += x[j] * (double)weights[j];
        }

        return z;
    }

    private static (double[] W, double B) GradientDescent(LabelledExample[] train, double[] mean, double[] scale, RiskTrainingOptions options)
    {
        var n = train.Length;
        var d = mean.Length;
        var x = new double[n * d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                x[(i * d) + j] = (train[i].Features[j] - mean[j]) / scale[j];
            }
        }

        var w = new double[d];
        double b = 0;
        var gradient = new double[d];
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            Array.Clear(gradient);
            double gradientB = 0;
            for (var i = 0; i < n; i++)
            {
                var z = b;
                for (var j = 0; j < d; j++)
                {
                    z += w[j] * x[(i * d) + j];
                }

                var error = (1.0 / (1.0 + Math.Exp(-z))) - (train[i].HighRisk ? 1.0 : 0.0);
                gradientB += error;
                for (var j = 0; j < d; j++)
                {
                    gradient[j] += error * x[(i * d) + j];
                }
            }

            b -= options.LearningRate * gradientB / n;
            for (var j = 0; j < d; j++)
            {
                w[j] -= options.LearningRate * ((gradient[j] / n) + (options.L2 * w[j]));
            }
        }

        return (w, b);
    }

    private static (double[] Mean, double[] Scale) Standardisation(LabelledExample[] train, int d)
    {
        var mean = new double[d];
        var scale = new double[d];
        for (var j = 0; j < d; j++)
        {
            mean[j] = train.Average(e => (double)e.Features[j]);
            var variance = train.Average(e => Math.Pow(e.Features[j] - mean[j], 2));

            // A constant feature keeps scale 1 so it neither explodes nor divides by zero.
            scale[j] = variance > 1e-12 ? Math.Sqrt(variance) : 1.0;
        }

        return (mean, scale);
    }

    private static int[] Shuffle(int count, ulong seed)
    {
        var random = new DeterministicRandom(seed);
        var order = Enumerable.Range(0, count).ToArray();
        for (var i = count - 1; i > 0; i--)
        {
            var k = random.Next(i + 1);
            (order[i], order[k]) = (order[k], order[i]);
        }

        return order;
    }

    private static string[] Generic(int count) => Enumerable.Range(0, count).Select(i => $"f{i}").ToArray();
}
