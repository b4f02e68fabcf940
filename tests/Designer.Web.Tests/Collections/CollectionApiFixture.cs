using Designer.Retrieval.Embeddings;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Collections;

/// <summary>One app per provider with the default embedding model trained on a small corpus.</summary>
public abstract class CollectionApiFixture : IAsyncLifetime
{
    private readonly Dictionary<string, HttpClient> _clients = [];
    private DesignerWebFactory? _factory;

    public DesignerWebFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Why the provider is unavailable, or null.</summary>
    public string? Unavailable { get; protected set; }

    public async Task<HttpClient> ClientAsync(string role)
    {
        if (!_clients.TryGetValue(role, out var client))
        {
            client = await Factory.ClientForAsync(role);
            _clients[role] = client;
        }

        return client;
    }

    /// <summary>Trains a new version of the default embedding model and returns it.</summary>
    public Task<EmbeddingModelHandle> TrainAsync(IReadOnlyList<string> corpus)
    {
        var catalog = Factory.Services.GetRequiredService<IEmbeddingModelCatalog>();
        return catalog.TrainAsync(catalog.DefaultModel, corpus, TestContext.Current.CancellationToken);
    }

    public async ValueTask InitializeAsync()
    {
        _factory = await CreateFactoryAsync();
        await TrainAsync(CollectionApi.TrainingCorpus());
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract Task<DesignerWebFactory> CreateFactoryAsync();
}
