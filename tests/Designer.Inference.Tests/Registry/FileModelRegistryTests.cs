using Designer.Inference.Onnx;
using Designer.Inference.Registry;

namespace Designer.Inference.Tests.Registry;

public sealed class FileModelRegistryTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();
    private readonly ManualTimeProvider _clock = new(Start);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RegisterAsync_Bootstrap_IsVersionOneApprovedWithMetadata()
    {
        // Arrange
        var registry = new FileModelRegistry(_dir.Path, _clock);

        // Act
        var v1 = await registry.RegisterAsync(Registration(isBootstrap: true), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(1, v1.Version);
        Assert.Equal(ModelStatus.Approved, v1.Status);
        Assert.Equal(Start, v1.CreatedAt);
        Assert.Equal(OnnxModelFactory.InputName, Assert.Single(v1.Inputs).Name);
        Assert.Equal([-1, 4], v1.Inputs[0].Dimensions);
        Assert.Equal(OnnxModelFactory.ProbabilitiesOutput, Assert.Single(v1.Outputs).Name);
        Assert.Equal(64, v1.Sha256.Length);
        Assert.True(File.Exists(v1.OnnxPath));
    }

    [Fact]
    public async Task RegisterAsync_Again_IncrementsVersionAndStartsPending()
    {
        // Arrange
        var registry = new FileModelRegistry(_dir.Path, _clock);
        var ct = TestContext.Current.CancellationToken;
        await registry.RegisterAsync(Registration(isBootstrap: true), ct);

        // Act: even a second "bootstrap" cannot skip approval once a version exists.
        var v2 = await registry.RegisterAsync(Registration(isBootstrap: true), ct);
        var v3 = await registry.RegisterAsync(Registration(), ct);

        // Assert
        Assert.Equal((2, ModelStatus.PendingApproval), (v2.Version, v2.Status));
        Assert.Equal((3, ModelStatus.PendingApproval), (v3.Version, v3.Status));
        Assert.Equal(1, (await registry.GetAsync("toy", null, ct))!.Version);
    }

    [Fact]
    public async Task SetStatusAsync_NewInstance_SeesPersistedStatus()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var first = new FileModelRegistry(_dir.Path, _clock);
        await first.RegisterAsync(Registration(isBootstrap: true), ct);
        await first.RegisterAsync(Registration(), ct);
        _clock.Advance(TimeSpan.FromHours(1));

        // Act
        await first.SetStatusAsync("toy", 2, ModelStatus.Approved, "approver@example.com", ct);
        var reopened = new FileModelRegistry(_dir.Path, _clock);
        var latest = await reopened.GetAsync("toy", null, ct);

        // Assert
        Assert.NotNull(latest);
        Assert.Equal(2, latest.Version);
        Assert.Equal(ModelStatus.Approved, latest.Status);
        Assert.Equal("approver@example.com", latest.StatusChangedBy);
        Assert.Equal(Start.AddHours(1), latest.StatusChangedAt);
        Assert.Equal(2, (await reopened.ListAsync(ct)).Count);
    }

    [Fact]
    public async Task ReadModelAsync_TamperedFile_ThrowsIntegrityException()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var registry = new FileModelRegistry(_dir.Path, _clock);
        var v1 = await registry.RegisterAsync(Registration(isBootstrap: true), ct);
        var bytes = await File.ReadAllBytesAsync(v1.OnnxPath, ct);
        bytes[^1] ^= 0xFF;
        await File.WriteAllBytesAsync(v1.OnnxPath, bytes, ct);

        // Act + Assert
        await Assert.ThrowsAsync<ModelIntegrityException>(() => new FileModelRegistry(_dir.Path, _clock).ReadModelAsync(v1, ct));
    }

    [Fact]
    public async Task ReadModelAsync_IntactFile_ReturnsRegisteredBytes()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var registry = new FileModelRegistry(_dir.Path, _clock);
        var registration = Registration(isBootstrap: true);
        var v1 = await registry.RegisterAsync(registration, ct);

        // Act
        var bytes = await registry.ReadModelAsync(v1, ct);

        // Assert
        Assert.Equal(registration.OnnxModel.ToArray(), bytes);
    }

    [Fact]
    public async Task RegisterAsync_WritesAtomically_LeavesNoStagingFolders()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var registry = new FileModelRegistry(_dir.Path, _clock);

        // Act
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => registry.RegisterAsync(Registration(), ct)));

        // Assert
        var entries = Directory.GetFileSystemEntries(Path.Combine(_dir.Path, "toy")).Select(Path.GetFileName).Order();
        Assert.Equal(["1", "2", "3", "4", "5"], entries);
        Assert.All(Directory.GetDirectories(Path.Combine(_dir.Path, "toy")), d => Assert.Equal(["descriptor.json", "model.onnx"], Directory.GetFiles(d).Select(Path.GetFileName).Order()));
    }

    [Fact]
    public async Task SetStatusAsync_RejectedToApproved_Throws()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var registry = new FileModelRegistry(_dir.Path, _clock);
        await registry.RegisterAsync(Registration(), ct);
        await registry.SetStatusAsync("toy", 1, ModelStatus.Rejected, "approver", ct);

        // Act + Assert
        await Assert.ThrowsAsync<InvalidOperationException>(() => registry.SetStatusAsync("toy", 1, ModelStatus.Approved, "approver", ct));
    }

    [Fact]
    public async Task RegisterAsync_InvalidIdOrModel_Throws()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var registry = new FileModelRegistry(_dir.Path, _clock);

        // Act + Assert
        await Assert.ThrowsAsync<ArgumentException>(() => registry.RegisterAsync(Registration() with { Id = "../escape" }, ct));
        await Assert.ThrowsAsync<ArgumentException>(() => registry.RegisterAsync(Registration() with { OnnxModel = new byte[] { 1, 2, 3 } }, ct));
    }

    [Fact]
    public async Task RegisterAsync_NaNMetric_RoundTripsThroughDescriptorJson()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var registry = new FileModelRegistry(_dir.Path, _clock);

        // Act
        await registry.RegisterAsync(Registration() with { Metrics = new Dictionary<string, double> { ["auc"] = double.NaN } }, ct);
        var reread = await new FileModelRegistry(_dir.Path, _clock).GetAsync("toy", 1, ct);

        // Assert
        Assert.True(double.IsNaN(reread!.Metrics["auc"]));
        Assert.Equal(["no", "yes"], reread.Labels);
        Assert.Equal("trainer@example.com", reread.TrainedBy);
    }

    [Fact]
    public async Task GetAsync_UnknownModel_ReturnsNull()
    {
        // Arrange
        var registry = new FileModelRegistry(_dir.Path, _clock);

        // Act
        var missing = await registry.GetAsync("nope", null, TestContext.Current.CancellationToken);

        // Assert
        Assert.Null(missing);
    }

    private static ModelRegistration Registration(bool isBootstrap = false) => new()
    {
        Id = "toy",
        OnnxModel = OnnxModelFactory.LogisticRegression([0.5f, -1f, 2f, 0.1f], 0.2f, PlattCalibration.Identity),
        Kind = ModelKind.Classifier,
        TrainedBy = "trainer@example.com",
        Labels = ["no", "yes"],
        Metrics = new Dictionary<string, double> { ["auc"] = 0.8 },
        IsBootstrap = isBootstrap,
    };
}
