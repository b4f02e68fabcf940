using Designer.Inference;
using Designer.Inference.Corpus;
using Designer.Inference.Pretrained;
using Designer.Inference.Registry;
using Designer.Inference.Serving;
using Designer.Retrieval.Embeddings;
using Designer.Retrieval.Embeddings.Training;
using Microsoft.Extensions.Logging.Abstractions;

namespace Designer.Retrieval.Benchmarks;

/// <summary>The default embedding model trained on the demo corpus, in a throwaway registry, served with the production batching defaults.</summary>
internal sealed class EmbeddingModelSetup : IAsyncDisposable
{
    private EmbeddingModelSetup(string folder, FileModelRegistry registry, SessionPool pool, EmbeddingModelCatalog catalog)
    {
        Registry = registry;
        Folder = folder;
        Pool = pool;
        Catalog = catalog;
    }

    public string Folder { get; }

    public FileModelRegistry Registry { get; }

    public SessionPool Pool { get; }

    public EmbeddingModelCatalog Catalog { get; }

    public static EmbeddingModelSetup Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "designer-embedding-bench", Guid.NewGuid().ToString("N"));
        var registry = new FileModelRegistry(Path.Combine(folder, "models"), TimeProvider.System);
        var pool = new SessionPool(
            registry,
            new ExecutionProviderSelector(preferCuda: false, cudaDeviceId: 0),
            BatchingOptions.From(new InferenceOptions()),
            TimeProvider.System,
            NullLogger<SessionPool>.Instance);
        var catalog = new EmbeddingModelCatalog(registry, pool, "designer-lsa", new LsaTrainingOptions(), 10_000, TimeProvider.System);
        return new EmbeddingModelSetup(folder, registry, pool, catalog);
    }

    public Task<EmbeddingModelHandle> TrainDefaultAsync(CancellationToken cancellationToken) =>
        Catalog.TrainAsync(Catalog.DefaultModel, DisputeCorpus.Default.Select(d => d.Narrative).ToList(), cancellationToken);

    /// <summary>Registers a pretrained model from its carrier (next to this program) and loads it.</summary>
    public async Task<EmbeddingModelHandle> PretrainedAsync(string id, CancellationToken cancellationToken)
    {
        var model = PretrainedModels.Find(id) ?? throw new ArgumentException($"Unknown pretrained model '{id}'.", nameof(id));
        await PretrainedModelBootstrap.EnsureAsync(Registry, model, PretrainedModels.DefaultCarrierDirectory, cancellationToken);
        return await Catalog.GetAsync(id, null, cancellationToken);
    }

    /// <summary>The LSA model when <paramref name="model"/> is designer-lsa (trained on the demo corpus), else the pretrained one.</summary>
    public Task<EmbeddingModelHandle> ModelAsync(string model, CancellationToken cancellationToken) =>
        model == "designer-lsa" ? TrainDefaultAsync(cancellationToken) : PretrainedAsync(model, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Pool.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
