using Designer.Retrieval.Embeddings;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Collections;

/// <summary>One app per provider with the default embedding model trained on a small corpus.</summary>
public abstract class CollectionApiFixture : WebAppFixture
{
    /// <summary>Trains a new version of the default embedding model and returns it.</summary>
    public Task<EmbeddingModelHandle> TrainAsync(IReadOnlyList<string> corpus)
    {
        var catalog = Factory.Services.GetRequiredService<IEmbeddingModelCatalog>();
        return catalog.TrainAsync(catalog.DefaultModel, corpus, TestContext.Current.CancellationToken);
    }

    protected override async Task ConfigureAsync(DesignerWebFactory factory)
    {
        await TrainAsync(CollectionApi.TrainingCorpus());
    }
}
