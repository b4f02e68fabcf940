namespace Designer.Inference.Training;

/// <summary>Binary classification metrics over predicted probabilities.</summary>
public static class ClassificationMetrics
{
    /// <summary>ROC AUC via the Mann–Whitney rank statistic, ties counted as half.</summary>
    /// <param name="probabilities">Predicted P(positive).</param>
    /// <param name="labels">True labels.</param>
    public static double Auc(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        var order = Enumerable.Range(0, probabilities.Count).OrderBy(i => probabilities[i]).ToArray();
        double rankSumPositives = 0;
        var positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && probabilities[order[end + 1]] == probabilities[order[start]])
            {
                end++;
            }

            var averageRank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                if (labels[order[k]])
                {
                    rankSumPositives += averageRank;
                    positives++;
                }
            }

            start = end + 1;
        }

        var negatives = order.Length - positives;
        return positives == 0 || negatives == 0
            ? double.NaN
            : (rankSumPositives - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>Accuracy at a 0.5 threshold.</summary>
    /// <param name="probabilities">Predicted P(positive).</param>
    /// <param name="labels">True labels.</param>
    public static double Accuracy(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels) =>
        Enumerable.Range(0, probabilities.Count).Count(i => probabilities[i] >= 0.5 == labels[i]) / (double)probabilities.Count;

    /// <summary>Mean negative log-likelihood, probabilities clipped to [1e-12, 1 − 1e-12].</summary>
    /// <param name="probabilities">Predicted P(positive).</param>
    /// <param name="labels">True labels.</param>
    public static double LogLoss(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels) =>
        -Enumerable.Range(0, probabilities.Count)
            .Select(i => Math.Clamp(probabilities[i], 1e-12, 1 - 1e-12))
            .Select((p, i) => labels[i] ? Math.Log(p) : Math.Log(1 - p))
            .Average();

    /// <summary>Mean squared error between probability and label.</summary>
    /// <param name="probabilities">Predicted P(positive).</param>
    /// <param name="labels">True labels.</param>
    public static double Brier(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels) =>
        Enumerable.Range(0, probabilities.Count).Select(i => Math.Pow(probabilities[i] - (labels[i] ? 1 : 0), 2)).Average();

    /// <summary>Expected calibration error: bin-weighted |mean predicted − observed rate| over equal-width bins.</summary>
    /// <param name="probabilities">Predicted P(positive).</param>
    /// <param name="labels">True labels.</param>
    /// <param name="bins">Number of bins.</param>
    public static double ExpectedCalibrationError(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        var sumP = new double[bins];
        var sumY = new double[bins];
        var counts = new int[bins];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var bin = Math.Min(bins - 1, (int)(probabilities[i] * bins));
            sumP[bin] += probabilities[i];
            sumY[bin] += labels[i] ? 1 : 0;
            counts[bin]++;
        }

        double ece = 0;
        for (var b = 0; b < bins; b++)
        {
            if (counts[b] > 0)
            {
                ece += counts[b] / (double)probabilities.Count * Math.Abs((sumP[b] - sumY[b]) / counts[b]);
            }
        }

        return ece;
    }
}
