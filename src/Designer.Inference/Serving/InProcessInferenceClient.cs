using Designer.Inference.Registry;

namespace Designer.Inference.Serving;

/// <summary>Serves models in this process: registry lookup, then the pooled session's batcher.</summary>
/// <remarks>Only <see cref="ModelStatus.Approved"/> versions are served, so an unapproved upgrade cannot run.</remarks>
public sealed class InProcessInferenceClient : IInferenceClient
{
    private readonly IModelRegistry _registry;
    private readonly SessionPool _pool;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the client.</summary>
    /// <param name="pool">Loaded sessions.</param>
    /// <param name="timeProvider">Clock for the reported latency.</param>
    public InProcessInferenceClient(IModelRegistry registry, SessionPool pool, TimeProvider timeProvider)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _pool = pool ?? throw new ArgumentNullException(nameof(pool));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <inheritdoc />
    public async Task<PredictionResult> PredictAsync(string model, int? version, IReadOnlyList<float[]> rows, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        var started = _timeProvider.GetTimestamp();
        var descriptor = await _registry.GetAsync(model, version, cancellationToken)
            ?? throw new ModelNotFoundException(version is null ? $"Model '{model}' has no approved version." : $"Model '{model}' has no version {version}.");
        if (descriptor.Status != ModelStatus.Approved)
        {
            throw new ModelNotFoundException($"Model '{model}' v{descriptor.Version} is {descriptor.Status}; only approved versions are served.");
        }

        var loaded = await _pool.GetAsync(descriptor, cancellationToken);
        var outputs = await loaded.Batcher.InferAsync(rows, cancellationToken);
        var predictions = outputs.Select(scores => Interpret(descriptor, scores)).ToArray();
        return new PredictionResult(model, descriptor.Version, loaded.Provider.Provider, _timeProvider.GetElapsedTime(started), predictions);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken) => _registry.ListAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ServedModel>> ListServedModelsAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<ServedModel> served = _pool.Loaded
            .Select(m => new ServedModel(m.Descriptor.Id, m.Descriptor.Version, m.Provider.Provider, m.Provider.Reason, m.Batcher.QueueDepth))
            .OrderBy(m => m.Model, StringComparer.Ordinal).ThenBy(m => m.Version)
            .ToList();
        return Task.FromResult(served);
    }

    private static RowPrediction Interpret(ModelDescriptor descriptor, float[] scores)
    {
        if (descriptor.Kind != ModelKind.Classifier || scores.Length == 0)
        {
            return new RowPrediction(scores, null, null);
        }

        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        var label = best < descriptor.Labels.Count ? descriptor.Labels[best] : best.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new RowPrediction(scores, label, scores[best]);
    }
}
