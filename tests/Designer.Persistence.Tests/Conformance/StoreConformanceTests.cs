using Designer.Persistence.Tests.Infrastructure;

namespace Designer.Persistence.Tests.Conformance;

/// <summary>The store contract, run once per provider by the derived classes.</summary>
public abstract partial class StoreConformanceTests
{
    protected static readonly Actor Alice = new("user-alice", "Alice Author");
    protected static readonly Actor Bob = new("user-bob", "Bob Approver");
    protected const string DraftJson = """{"nodes":[],"edges":[]}""";

    private readonly StorageFixture _fixture;

    protected StoreConformanceTests(StorageFixture fixture) => _fixture = fixture;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected StorageFixture Fixture => _fixture;

    /// <summary>The class's shared database; skips (or fails on CI) when the provider is unavailable.</summary>
    protected TestStorage Storage
    {
        get
        {
            EnsureAvailable();
            return _fixture.Shared;
        }
    }

    /// <summary>A fresh database for tests that tamper with the audit chain or count from zero.</summary>
    protected async Task<TestStorage> IsolatedAsync()
    {
        EnsureAvailable();
        return await _fixture.CreateIsolatedAsync(Ct);
    }

    protected static async Task<CreatedWorkflow> CreateAsync(TestStorage storage, string name = "Dispute triage") =>
        await storage.Workflows.CreateWorkflowAsync(name, "test workflow", DraftJson, Alice, Ct);

    protected static async Task<VersionRecord> SubmitAsync(TestStorage storage, CreatedWorkflow created, Actor? author = null)
    {
        var draft = await storage.Workflows.GetDraftAsync(created.Workflow.Id, Ct);
        var result = await storage.Workflows.SubmitVersionAsync(
            created.Workflow.Id, DraftJson, "sha256:" + Guid.NewGuid().ToString("N"), draft!.ETag, author ?? Alice, null, Ct);
        Assert.True(result.IsSuccess, result.Error?.Detail);
        return result.Value;
    }

    protected static async Task<VersionRecord> PublishAsync(TestStorage storage, CreatedWorkflow created)
    {
        var version = await SubmitAsync(storage, created);
        var result = await storage.Workflows.ApproveVersionAsync(created.Workflow.Id, version.Number, Bob, null, Ct);
        Assert.True(result.IsSuccess, result.Error?.Detail);
        return result.Value;
    }

    private void EnsureAvailable()
    {
        if (_fixture.UnavailableReason is { } reason)
        {
            if (StorageFixture.IsCi)
            {
                Assert.Fail($"{_fixture.Provider} tests cannot run on CI: {reason}");
            }

            Assert.Skip($"{_fixture.Provider} tests skipped: {reason}");
        }
    }
}
