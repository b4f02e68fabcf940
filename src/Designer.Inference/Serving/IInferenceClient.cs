using Designer.Inference.Registry;

namespace Designer.Inference.Serving;

/// <summary>Runs registered models. Implemented in-process here and over HTTP by the inference host's client.</summary>
public interface IInferenceClient
{
    /// <summary>Scores <paramref name="rows"/> with an approved model version.</summary>
    /// <param name="model">Model id.</param>
    /// <param name="version">Pinned version, or null for the latest approved.</param>
    /// <param name="rows">Input rows.</param>
    /// <exception cref="ModelNotFoundException">No such version, or it is not approved.</exception>
    /// <exception cref="InferenceQueueFullException">Back-pressure: the model's queue is full (HTTP 503).</exception>
    /// <exception cref="TimeoutException">The request timed out.</exception>
    Task<PredictionResult> PredictAsync(string model, int? version, IReadOnlyList<float[]> rows, CancellationToken cancellationToken);

    /// <summary>Every registered model version.</summary>
    Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken);

    /// <summary>The versions loaded for serving, with their execution provider.</summary>
    Task<IReadOnlyList<ServedModel>> ListServedModelsAsync(CancellationToken cancellationToken);
}
