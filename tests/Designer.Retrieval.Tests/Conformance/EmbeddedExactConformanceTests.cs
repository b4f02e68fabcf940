using Designer.Retrieval.Embedded;
using Designer.Retrieval.Indexes;
using Designer.Retrieval.Tests.Support;

namespace Designer.Retrieval.Tests.Conformance;

/// <summary>The conformance suite against the embedded index in exact mode (below the size threshold).</summary>
public sealed class EmbeddedExactConformanceTests : VectorIndexConformanceTests
{
    private readonly string _folder = TestEnvironment.NewTempFolder();

    protected override Task<IVectorIndexProvider> CreateProviderAsync() =>
        Task.FromResult<IVectorIndexProvider>(new EmbeddedVectorIndexProvider(_folder));

    protected override ValueTask DisposeBackendAsync()
    {
        TestEnvironment.DeleteFolder(_folder);
        return ValueTask.CompletedTask;
    }
}
