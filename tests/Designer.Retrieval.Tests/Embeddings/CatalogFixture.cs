using Designer.Inference.Registry;
using Designer.Inference.Serving;
using Designer.Retrieval.Embeddings;
using Designer.Retrieval.Embeddings.Training;
using Designer.Retrieval.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Designer.Retrieval.Tests.Embeddings;

/// <summary>A real file registry and session pool in a temp folder, and a catalog over them.</summary>
internal sealed class CatalogFixture : IAsyncDisposable
{
    public CatalogFixture(LsaTrainingOptions? training = null)
    {
        Root = TestEnvironment.NewTempFolder();
        Registry = new FileModelRegistry(Path.Combine(Root, "models"), TimeProvider.System);
        Pool = new SessionPool(
            Registry,
            new ExecutionProviderSelector(preferCuda: false, cudaDeviceId: 0),
            new BatchingOptions(32, TimeSpan.FromMilliseconds(1), 1024, TimeSpan.FromSeconds(30)),
            TimeProvider.System,
            NullLogger<SessionPool>.Instance);
        Catalog = new EmbeddingModelCatalog(Registry, Pool, "designer-lsa", training ?? new LsaTrainingOptions(), 1_000, TimeProvider.System);
    }

    public string Root { get; }

    public FileModelRegistry Registry { get; }

    public SessionPool Pool { get; }

    public EmbeddingModelCatalog Catalog { get; }

    public async ValueTask DisposeAsync()
    {
        await Pool.DisposeAsync();
        TestEnvironment.DeleteFolder(Root);
    }
}
