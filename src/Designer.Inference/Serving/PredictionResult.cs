namespace Designer.Inference.Serving;

/// <summary>The answer to one <see cref="IInferenceClient.PredictAsync"/> call.</summary>
/// <param name="Model">Model id.</param>
/// <param name="Version">The version that served the call (resolved when none was asked for).</param>
/// <param name="Provider">Execution provider that ran it, e.g. <c>CPUExecutionProvider</c>.</param>
/// <param name="Latency">Time from call to result, including queueing and batching.</param>
/// <param name="Rows">One prediction per input row, in order.</param>
public sealed record PredictionResult(string Model, int Version, string Provider, TimeSpan Latency, IReadOnlyList<RowPrediction> Rows);
