using Designer.Retrieval.Embeddings;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Retrieval.Collections;

/// <summary>
/// The catalog as the application sees it: training a new model version also queues the re-embedding of every
/// collection built with an older version of that model (<see cref="RetrievalOptions.ReembedOnNewModelVersion"/>).
/// Queries keep using the old version until each job switches its collection.
/// </summary>
internal sealed class ReembeddingModelCatalog(IEmbeddingModelCatalog inner, IServiceProvider services, bool reembed) : IEmbeddingModelCatalog
{
    private static readonly Designer.Persistence.Actor SystemActor = new("system", "system");

    public string DefaultModel => inner.DefaultModel;

    public Task<EmbeddingModelHandle> GetAsync(string model, int? version, CancellationToken cancellationToken) =>
        inner.GetAsync(model, version, cancellationToken);

    public async Task<EmbeddingModelHandle> TrainAsync(string model, IReadOnlyList<string> corpus, CancellationToken cancellationToken)
    {
        var trained = await inner.TrainAsync(model, corpus, cancellationToken);
        if (reembed)
        {
            // Resolved on use: the collection service itself depends on this catalog.
            await services.GetRequiredService<CollectionService>().ReembedAllAsync(trained.Model, trained.Version, SystemActor, cancellationToken);
        }

        return trained;
    }
}
