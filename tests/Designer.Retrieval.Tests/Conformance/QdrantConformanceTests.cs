using Designer.Retrieval.Indexes;
using Designer.Retrieval.Tests.Qdrant;
using Designer.Retrieval.Tests.Support;

namespace Designer.Retrieval.Tests.Conformance;

/// <summary>
/// The conformance suite against the Qdrant backend: the official client over gRPC to the in-process fake Qdrant
/// (not a live Qdrant server, which does not exist here).
/// </summary>
public sealed class QdrantConformanceTests : VectorIndexConformanceTests
{
    private const string ApiKey = "conformance-key";
    private readonly string _folder = TestEnvironment.NewTempFolder();
    private FakeQdrantServer? _server;

    protected override async Task<IVectorIndexProvider> CreateProviderAsync()
    {
        _server = await FakeQdrantServer.StartAsync(ApiKey);
        return _server.CreateProvider(_folder, ApiKey);
    }

    protected override async ValueTask DisposeBackendAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        TestEnvironment.DeleteFolder(_folder);
    }
}
