using System.Collections.Concurrent;
using Designer.Inference.Pretrained;
using Designer.Inference.Registry;
using Designer.Inference.Serving;
using Designer.Inference.Text;
using Designer.Retrieval.Embeddings.Training;
using Microsoft.Extensions.AI;

namespace Designer.Retrieval.Embeddings;

/// <summary>
/// The embedding models collections can use: the project-trained LSA models in the model registry (any registered
/// version, loaded through the inference module's session pool) and the externally configured generators (a
/// bring-your-own ONNX sentence-transformer, an OpenAI-compatible endpoint). Every generator handed out is wrapped in
/// a <see cref="CachingEmbeddingGenerator"/> keyed by <c>model@version</c>.
/// </summary>
public sealed class EmbeddingModelCatalog : IEmbeddingModelCatalog
{
    /// <summary>Who registers and approves the project-trained versions.</summary>
    public const string TrainerName = "designer-retrieval";

    private readonly IModelRegistry _registry;
    private readonly SessionPool _pool;
    private readonly LsaTrainingOptions _training;
    private readonly int _cacheCapacity;
    private readonly TimeProvider _timeProvider;
    private readonly IReadOnlyDictionary<string, EmbeddingModelHandle> _external;
    private readonly ConcurrentDictionary<(string Model, int Version), Lazy<Task<EmbeddingModelHandle>>> _loaded = new();
    private readonly ConcurrentDictionary<string, EmbeddingModelHandle> _probed = new(StringComparer.Ordinal);

    /// <summary>Creates the catalog.</summary>
    /// <param name="registry">Where project-trained versions are registered.</param>
    /// <param name="pool">Loads and batches registered versions.</param>
    /// <param name="defaultModel">The model collections use by default.</param>
    /// <param name="training">LSA training settings.</param>
    /// <param name="cacheCapacity">Embeddings cached per model version.</param>
    /// <param name="external">Configured generators by model name (their own version), already cached.</param>
    public EmbeddingModelCatalog(
        IModelRegistry registry,
        SessionPool pool,
        string defaultModel,
        LsaTrainingOptions training,
        int cacheCapacity,
        TimeProvider timeProvider,
        IReadOnlyDictionary<string, EmbeddingModelHandle>? external = null)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _pool = pool ?? throw new ArgumentNullException(nameof(pool));
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultModel);
        _training = training ?? throw new ArgumentNullException(nameof(training));
        _cacheCapacity = cacheCapacity;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _external = external ?? new Dictionary<string, EmbeddingModelHandle>();
        DefaultModel = defaultModel;
    }

    /// <inheritdoc />
    public string DefaultModel { get; }

    /// <inheritdoc />
    public async Task<EmbeddingModelHandle> GetAsync(string model, int? version, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        if (_external.TryGetValue(model, out var configured))
        {
            if (version is not null && version != configured.Version)
            {
                throw new KeyNotFoundException($"Embedding model '{model}' is configured at version {configured.Version}, not {version}.");
            }

            return configured.Dimensions > 0 ? configured
                : _probed.TryGetValue(model, out var probed) ? probed
                : await ProbeDimensionsAsync(configured, cancellationToken);
        }

        var descriptor = await FindAsync(model, version, cancellationToken);
        var entry = _loaded.GetOrAdd((descriptor.Id, descriptor.Version), _ => new Lazy<Task<EmbeddingModelHandle>>(() => LoadAsync(descriptor)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            _loaded.TryRemove(new KeyValuePair<(string, int), Lazy<Task<EmbeddingModelHandle>>>((descriptor.Id, descriptor.Version), entry));
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The new version is approved at once by <see cref="TrainerName"/>: an embedding space is not a decision model,
    /// and a collection pins the version it was embedded with, so a retrain never changes what an existing collection
    /// compares against (see docs/decisions.md).
    /// </remarks>
    public async Task<EmbeddingModelHandle> TrainAsync(string model, IReadOnlyList<string> corpus, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(corpus);
        if (_external.ContainsKey(model))
        {
            throw new ArgumentException($"'{model}' is an externally configured embedding model; only project-trained models can be trained.", nameof(model));
        }

        if (PretrainedModels.Find(model) is not null)
        {
            throw new ArgumentException($"'{model}' is a pretrained model registered from its package; only project-trained models can be trained.", nameof(model));
        }

        var existing = (await _registry.ListAsync(cancellationToken)).FirstOrDefault(d => d.Id == model);
        if (existing is not null && (existing.Kind != ModelKind.Embedding || (existing.Inputs is [var first, ..] ? first.Name : null) != TermCountEncoder.InputName))
        {
            throw new ArgumentException($"'{model}' is already registered as a different kind of model; choose another name.", nameof(model));
        }

        var trained = await Task.Run(() => LsaTrainer.Train(corpus, _training, cancellationToken), cancellationToken);
        var descriptor = await _registry.RegisterAsync(new ModelRegistration
        {
            Id = model,
            OnnxModel = trained.OnnxModel,
            Kind = ModelKind.Embedding,
            TrainedBy = TrainerName,
            Metrics = trained.Metrics,
            Description = $"LSA text embedding ({trained.Dimensions} dimensions) trained on {corpus.Count} documents.",
            IsBootstrap = true,
        }, cancellationToken);
        if (descriptor.Status != ModelStatus.Approved)
        {
            descriptor = await _registry.SetStatusAsync(model, descriptor.Version, ModelStatus.Approved, TrainerName, cancellationToken);
        }

        return await GetAsync(model, descriptor.Version, cancellationToken);
    }

    private async Task<EmbeddingModelHandle> ProbeDimensionsAsync(EmbeddingModelHandle configured, CancellationToken cancellationToken)
    {
        // An endpoint that does not say its embedding length: ask once (the probe text is then cached too).
        var probe = await configured.Generator.GenerateAsync(["dimension probe"], cancellationToken: cancellationToken);
        return _probed.GetOrAdd(configured.Model, _ => configured with { Dimensions = probe[0].Vector.Length });
    }

    private async Task<ModelDescriptor> FindAsync(string model, int? version, CancellationToken cancellationToken)
    {
        ModelDescriptor? descriptor;
        try
        {
            descriptor = await _registry.GetAsync(model, version, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            throw new KeyNotFoundException($"'{model}' is not a valid embedding model name: {ex.Message}", ex);
        }

        if (descriptor is null)
        {
            throw new KeyNotFoundException(version is null
                ? $"Embedding model '{model}' has no usable (approved) version; train one first."
                : $"Embedding model '{model}' has no version {version}.");
        }

        if (descriptor.Kind != ModelKind.Embedding
            || (descriptor.TextEncoder is null && (descriptor.Inputs is [var first, ..] ? first.Name : null) != TermCountEncoder.InputName))
        {
            throw new KeyNotFoundException($"Model '{model}' v{descriptor.Version} is not a text embedding model.");
        }

        return descriptor;
    }

    private async Task<EmbeddingModelHandle> LoadAsync(ModelDescriptor descriptor)
    {
        if (descriptor.TextEncoder is { } spec)
        {
            return await LoadPretrainedAsync(descriptor, spec);
        }

        var encoder = TermCountEncoder.FromModel(await _registry.ReadModelAsync(descriptor, CancellationToken.None));
        var loaded = await _pool.GetAsync(descriptor, CancellationToken.None);
        var dimensions = (int)descriptor.Outputs[0].Dimensions[^1];
        var generator = new TermProjectionEmbeddingGenerator(encoder, loaded.Batcher, descriptor.Id, descriptor.Version, dimensions, _timeProvider);
        IEmbeddingGenerator<string, Embedding<float>> cached = new CachingEmbeddingGenerator(generator, $"{descriptor.Id}@{descriptor.Version}", _cacheCapacity);
        return new EmbeddingModelHandle(descriptor.Id, descriptor.Version, dimensions, cached) { HybridDenseWeight = _training.HybridDenseWeight };
    }

    private async Task<EmbeddingModelHandle> LoadPretrainedAsync(ModelDescriptor descriptor, TextEncoderSpec spec)
    {
        var encoder = new WordPieceEncoder(spec, await ModelVocabulary.ReadAsync(descriptor, CancellationToken.None));
        var loaded = await _pool.GetAsync(descriptor, CancellationToken.None);
        var dimensions = (int)descriptor.Outputs.First(o => o.Name == spec.OutputName).Dimensions[^1];
        var key = $"{descriptor.Id}@{descriptor.Version}";
        var documents = new PretrainedEmbeddingGenerator(encoder, loaded.Batcher, descriptor.Id, descriptor.Version, dimensions, isQuery: false, _timeProvider);
        var handle = new EmbeddingModelHandle(descriptor.Id, descriptor.Version, dimensions, new CachingEmbeddingGenerator(documents, key, _cacheCapacity))
        {
            IsPretrained = true,
            // Registrations made before the descriptor carried a weight take the pinned table's.
            HybridDenseWeight = spec.HybridDenseWeight ?? PretrainedModels.Find(descriptor.Id)?.TextEncoder.HybridDenseWeight,
        };
        if (spec.QueryPrefix.Length == 0 && spec.DocumentPrefix.Length == 0)
        {
            return handle;
        }

        var queries = new PretrainedEmbeddingGenerator(encoder, loaded.Batcher, descriptor.Id, descriptor.Version, dimensions, isQuery: true, _timeProvider);
        return handle with { QueryGenerator = new CachingEmbeddingGenerator(queries, key + "#query", _cacheCapacity) };
    }
}
