using Designer.Retrieval.Embedded;
using Designer.Retrieval.Indexes;
using Designer.Retrieval.Tests.Support;

namespace Designer.Retrieval.Tests.Conformance;

/// <summary>The conformance suite against the embedded index forced onto the HNSW graph (threshold 0).</summary>
public sealed class EmbeddedHnswConformanceTests : VectorIndexConformanceTests
{
    private readonly string _folder = TestEnvironment.NewTempFolder();

    protected override Task<IVectorIndexProvider> CreateProviderAsync() =>
        Task.FromResult<IVectorIndexProvider>(new EmbeddedVectorIndexProvider(_folder, new EmbeddedIndexOptions { ExactSearchThreshold = 0 }));

    protected override ValueTask DisposeBackendAsync()
    {
        TestEnvironment.DeleteFolder(_folder);
        return ValueTask.CompletedTask;
    }
}
