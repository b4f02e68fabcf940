namespace Designer.Inference.Serving;

/// <summary>The model's answer for one input row.</summary>
/// <param name="Scores">The output row (class probabilities for classifiers, the vector for embeddings).</param>
/// <param name="Label">Arg-max class label (classifiers with labels), else null.</param>
/// <param name="Confidence">Max class probability (classifiers), else null.</param>
public sealed record RowPrediction(float[] Scores, string? Label, float? Confidence);

/// <summary>The answer to one <see cref="IInferenceClient.PredictAsync"/> call.</summary>
/// <param name="Model">Model id.</param>
/// <param name="Version">The version that served the call (resolved when none was asked for).</param>
/// <param name="Provider">Execution provider that ran it, e.g. <c>CPUExecutionProvider</c>.</param>
/// <param name="Latency">Time from call to result, including queueing and batching.</param>
/// <param name="Rows">One prediction per input row, in order.</param>
public sealed record PredictionResult(string Model, int Version, string Provider, TimeSpan Latency, IReadOnlyList<RowPrediction> Rows);

/// <summary>A model version currently loaded for serving.</summary>
/// <param name="Model">Model id.</param>
/// <param name="Version">Model version that answered, for the run history.</param>
/// <param name="Provider">Execution provider.</param>
/// <param name="ProviderReason">Why that provider was chosen.</param>
/// <param name="QueueDepth">Requests waiting now.</param>
public sealed record ServedModel(string Model, int Version, string Provider, string ProviderReason, int QueueDepth);
