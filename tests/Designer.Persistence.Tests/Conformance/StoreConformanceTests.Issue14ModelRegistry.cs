using Designer.Inference.Onnx;
using Designer.Inference.Registry;
using Designer.Inference.Training;
using Designer.Persistence.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence.Tests.Conformance;

/// <summary>Issue 14: one model registry for all hosts — rows in the database, files in one shared, hash-checked store.</summary>
public abstract partial class StoreConformanceTests
{
    private const string Trainer = "user-trainer";

    [Fact]
    public async Task SharedRegistry_Issue14_ApprovedOnHostA_IsServedOnHostB()
    {
        // Arrange
        await using var cluster = await RegistryClusterAsync();
        var (a, b) = (cluster.A, cluster.B);
        var registered = await a.Registry.RegisterAsync(ToyRegistration(), Ct);

        // Act
        await a.Audited.SetStatusAsync("toy", registered.Version, ModelStatus.PendingApproval, ModelStatus.Approved,
            new ModelAuditEntry(Bob.Id, Bob.Name, "model.approved", null), Ct);
        var seenOnB = await b.Registry.GetAsync("toy", null, Ct);
        var prediction = await b.Inference.PredictAsync("toy", null, [[1f, 0f, 0.5f, 2f]], Ct);

        // Assert
        Assert.NotNull(seenOnB);
        Assert.Equal((1, ModelStatus.Approved, Bob.Id), (seenOnB.Version, seenOnB.Status, seenOnB.StatusChangedBy));
        Assert.StartsWith(cluster.Store, seenOnB.OnnxPath, StringComparison.Ordinal);
        Assert.Equal(1, prediction.Version);
        Assert.Single(prediction.Rows);
        var actions = (await cluster.Storage.Audit.ListAsync(1, 50, "toy/v1", Ct)).Items.Select(e => e.Action).Order(StringComparer.Ordinal);
        Assert.Equal(["model.approved", "model.registered"], actions);
    }

    [Fact]
    public async Task SharedRegistry_Issue14_AuditAppendFails_LeavesModelUnapproved()
    {
        // Arrange
        await using var cluster = await RegistryClusterAsync();
        await cluster.A.Registry.RegisterAsync(ToyRegistration(), Ct);
        await RefuseAuditInsertsAsync(cluster.Storage);

        // Act
        var approve = () => cluster.A.Audited.SetStatusAsync("toy", 1, ModelStatus.PendingApproval, ModelStatus.Approved,
            new ModelAuditEntry(Bob.Id, Bob.Name, "model.approved", null), Ct);
        var plainApprove = () => cluster.A.Registry.SetStatusAsync("toy", 1, ModelStatus.Approved, Bob.Id, Ct);

        // Assert: no approved model without its audit entry, on either host.
        await Assert.ThrowsAnyAsync<DbUpdateException>(approve);
        await Assert.ThrowsAnyAsync<DbUpdateException>(plainApprove);
        var onB = await cluster.B.Registry.GetAsync("toy", 1, Ct);
        Assert.Equal(ModelStatus.PendingApproval, onB!.Status);
        Assert.Null(await cluster.B.Registry.GetAsync("toy", null, Ct));
    }

    [Fact]
    public async Task SharedRegistry_Issue14_TrainingAuditFails_RegistersNoVersion()
    {
        // Arrange
        await using var cluster = await RegistryClusterAsync();
        await RefuseAuditInsertsAsync(cluster.Storage);

        // Act
        var train = () => cluster.A.RiskModels.RetrainAsync([], Trainer, new RiskTrainingOptions { Seed = 2 },
            (d, m) => new ModelAuditEntry(Trainer, "Trainer", "model.trained", new() { ["auc"] = m.Auc }), Ct);

        // Assert
        await Assert.ThrowsAnyAsync<DbUpdateException>(train);
        Assert.Empty(await cluster.B.Registry.ListAsync(Ct));
    }

    [Fact]
    public async Task SharedRegistry_Issue14_SecondReviewOnOtherHost_IsRefused()
    {
        // Arrange
        await using var cluster = await RegistryClusterAsync();
        await cluster.A.Registry.RegisterAsync(ToyRegistration(), Ct);
        await cluster.A.Audited.SetStatusAsync("toy", 1, ModelStatus.PendingApproval, ModelStatus.Approved,
            new ModelAuditEntry(Bob.Id, Bob.Name, "model.approved", null), Ct);

        // Act: host B still believes the version is pending (e.g. a page loaded before A's approval).
        var reject = () => cluster.B.Audited.SetStatusAsync("toy", 1, ModelStatus.PendingApproval, ModelStatus.Rejected,
            new ModelAuditEntry(Alice.Id, Alice.Name, "model.rejected", null), Ct);

        // Assert
        await Assert.ThrowsAsync<InvalidOperationException>(reject);
        Assert.Equal(ModelStatus.Approved, (await cluster.B.Registry.GetAsync("toy", 1, Ct))!.Status);
        var actions = (await cluster.Storage.Audit.ListAsync(1, 50, "toy/v1", Ct)).Items.Select(e => e.Action);
        Assert.DoesNotContain("model.rejected", actions);
    }

    [Fact]
    public async Task SharedRegistry_Issue14_TamperedOrMissingFile_IsRefused()
    {
        // Arrange
        await using var cluster = await RegistryClusterAsync();
        var registered = await cluster.A.Registry.RegisterAsync(ToyRegistration(), Ct);
        var onB = (await cluster.B.Registry.GetAsync("toy", registered.Version, Ct))!;
        var original = await File.ReadAllBytesAsync(onB.OnnxPath, Ct);
        var tampered = original.ToArray();
        tampered[^1] ^= 0xFF;

        // Act
        await File.WriteAllBytesAsync(onB.OnnxPath, tampered, Ct);
        var tamperedRead = await Assert.ThrowsAsync<ModelIntegrityException>(() => cluster.B.Registry.ReadModelAsync(onB, Ct));
        File.Delete(onB.OnnxPath);
        var missingRead = await Assert.ThrowsAsync<ModelIntegrityException>(() => cluster.B.Registry.ReadModelAsync(onB, Ct));

        // Assert
        Assert.Contains(registered.Sha256, tamperedRead.Message, StringComparison.Ordinal);
        Assert.Contains("Designer:Inference:ModelStore", missingRead.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharedRegistry_Issue14_LegacyFolderImport_IsIdempotent()
    {
        // Arrange: host A ran an old release that kept its registry in <data>/models.
        var storage = await IsolatedAsync();
        using var folders = new RegistryFolders();
        var dataA = folders.Host("a");
        using (var legacy = new FileModelRegistry(Path.Combine(dataA, "models"), TimeProvider.System))
        {
            await legacy.RegisterAsync(ToyRegistration() with { IsBootstrap = true }, Ct);
            await legacy.RegisterAsync(ToyRegistration(), Ct);
            await legacy.SetStatusAsync("toy", 2, ModelStatus.Rejected, Bob.Id, Ct);
        }

        // Act: the upgraded host starts twice (two processes), and imports again explicitly.
        IReadOnlyList<ModelDescriptor> first;
        await using (var hostA = RegistryHost.Create(storage, dataA, folders.Store))
        {
            first = await hostA.Registry.ListAsync(Ct);
        }

        await using var restarted = RegistryHost.Create(storage, dataA, folders.Store);
        var second = await restarted.Registry.ListAsync(Ct);
        var again = await ((DatabaseModelRegistry)restarted.Registry).ImportLegacyFolderAsync(Ct);
        await using var hostB = RegistryHost.Create(storage, folders.Host("b"), folders.Store);
        var onB = await hostB.Registry.GetAsync("toy", null, Ct);

        // Assert
        Assert.Equal([(1, ModelStatus.Approved), (2, ModelStatus.Rejected)], first.Select(d => (d.Version, d.Status)));
        Assert.Equal(first.Select(d => (d.Version, d.Status, d.Sha256)), second.Select(d => (d.Version, d.Status, d.Sha256)));
        Assert.Equal(0, again);
        Assert.Equal(1, onB!.Version);
        Assert.Equal(onB.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await hostB.Registry.ReadModelAsync(onB, Ct))));
        var imported = (await storage.Audit.ListAsync(1, 100, null, Ct)).Items.Count(e => e.Action == "model.imported");
        Assert.Equal(2, imported);
    }

    [Fact]
    public async Task SharedRegistry_Issue14_BootstrapOnTwoHostsAtOnce_RegistersOneApprovedVersion()
    {
        // Arrange
        await using var cluster = await RegistryClusterAsync();
        var bootstrap = ToyRegistration() with { IsBootstrap = true, TrainedBy = "system:bootstrap" };

        // Act: both hosts start on an empty registry and bootstrap the same bytes.
        var both = await Task.WhenAll(
            cluster.A.Registry.RegisterAsync(bootstrap, Ct),
            cluster.B.Registry.RegisterAsync(bootstrap, Ct));

        // Assert
        Assert.All(both, d => Assert.Equal((1, ModelStatus.Approved), (d.Version, d.Status)));
        Assert.Single(await cluster.B.Registry.ListAsync(Ct));
        var registered = (await cluster.Storage.Audit.ListAsync(1, 50, "toy/v1", Ct)).Items.Count(e => e.Action == "model.registered");
        Assert.Equal(1, registered);
    }

    [Fact]
    public async Task SharedRegistry_Issue14_RetireOnHostA_StopsServingOnHostBWithEntry()
    {
        // Arrange
        await using var cluster = await RegistryClusterAsync();
        await cluster.A.Registry.RegisterAsync(ToyRegistration() with { IsBootstrap = true }, Ct);

        // Act
        var retired = await cluster.A.Registry.SetStatusAsync("toy", 1, ModelStatus.Retired, Bob.Id, Ct);

        // Assert
        Assert.Equal(ModelStatus.Retired, retired.Status);
        Assert.Null(await cluster.B.Registry.GetAsync("toy", null, Ct));
        var actions = (await cluster.Storage.Audit.ListAsync(1, 50, "toy/v1", Ct)).Items.Select(e => e.Action).Order(StringComparer.Ordinal);
        Assert.Equal(["model.registered", "model.retired"], actions);
    }

    private async Task<RegistryCluster> RegistryClusterAsync()
    {
        var storage = await IsolatedAsync();
        var folders = new RegistryFolders();
        return new RegistryCluster(
            storage,
            folders,
            RegistryHost.Create(storage, folders.Host("a"), folders.Store),
            RegistryHost.Create(storage, folders.Host("b"), folders.Store));
    }

    private static ModelRegistration ToyRegistration() => new()
    {
        Id = "toy",
        OnnxModel = OnnxModelFactory.LogisticRegression([0.5f, -1f, 2f, 0.1f], 0.2f, PlattCalibration.Identity),
        Kind = ModelKind.Classifier,
        TrainedBy = Trainer,
        Labels = ["no", "yes"],
        Metrics = new Dictionary<string, double> { ["auc"] = 0.8 },
    };

    /// <summary>Two hosts' data folders and the model store they share, deleted at the end.</summary>
    private sealed class RegistryFolders : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("designer-issue14-").FullName;

        public string Store => Path.Combine(_root, "shared-model-store");

        public string Host(string name) => Directory.CreateDirectory(Path.Combine(_root, "host-" + name)).FullName;

        public void Dispose()
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder must not fail a test.
            }
        }
    }

    private sealed record RegistryCluster(TestStorage Storage, RegistryFolders Folders, RegistryHost A, RegistryHost B) : IAsyncDisposable
    {
        public string Store => Folders.Store;

        public async ValueTask DisposeAsync()
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
            Folders.Dispose();
        }
    }
}
