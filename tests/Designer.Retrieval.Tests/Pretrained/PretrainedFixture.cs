using Designer.Inference.Pretrained;
using Designer.Inference.Registry;
using Designer.Retrieval.Embeddings;
using Designer.Retrieval.Tests.Embeddings;

namespace Designer.Retrieval.Tests.Pretrained;

/// <summary>A catalog fixture with the pretrained models registered from their carriers (copied next to the tests).</summary>
internal sealed class PretrainedFixture : IAsyncDisposable
{
    private readonly CatalogFixture _catalog = new();

    public FileModelRegistry Registry => _catalog.Registry;

    public EmbeddingModelCatalog Catalog => _catalog.Catalog;

    public string Root => _catalog.Root;

    public async Task<EmbeddingModelHandle> LoadAsync(PretrainedModel model, CancellationToken cancellationToken)
    {
        await PretrainedModelBootstrap.EnsureAsync(Registry, model, PretrainedModels.DefaultCarrierDirectory, cancellationToken);
        return await Catalog.GetAsync(model.Id, null, cancellationToken);
    }

    public ValueTask DisposeAsync() => _catalog.DisposeAsync();
}
