using Designer.Inference.Serving;

namespace Designer.Inference.Remote;

/// <summary>The answer of <c>POST /v1/models/{id}/predict</c>.</summary>
/// <param name="Model">Model id.</param>
/// <param name="Version">Version that served the call.</param>
/// <param name="Provider">Execution provider.</param>
/// <param name="LatencyMs">Time in the host from call to result, in milliseconds.</param>
/// <param name="Predictions">One entry per input row: <c>scores</c>, <c>label</c>, <c>confidence</c>.</param>
public sealed record PredictResponse(string Model, int Version, string Provider, double LatencyMs, IReadOnlyList<RowPrediction> Predictions)
{
    /// <summary>The wire form of <paramref name="result"/>.</summary>
    /// <param name="result">The in-process result.</param>
    public static PredictResponse From(PredictionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new PredictResponse(result.Model, result.Version, result.Provider, result.Latency.TotalMilliseconds, result.Rows);
    }

    /// <summary>Back to the in-process result type.</summary>
    public PredictionResult ToResult() => new(Model, Version, Provider, TimeSpan.FromMilliseconds(LatencyMs), Predictions);
}
