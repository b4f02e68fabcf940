using Designer.Inference.Corpus;
using Designer.Inference.Onnx;
using Designer.Inference.Registry;
using Designer.Inference.Serving;
using Designer.Inference.Training;
using Microsoft.Extensions.Logging.Abstractions;

namespace Designer.Inference.Tests.Serving;

public sealed class InProcessInferenceClientTests : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FileModelRegistry _registry;
    private readonly SessionPool _pool;
    private readonly InProcessInferenceClient _client;

    public InProcessInferenceClientTests()
    {
        _registry = new FileModelRegistry(_dir.Path, TimeProvider.System);
        _pool = new SessionPool(
            _registry,
            new ExecutionProviderSelector(preferCuda: true, cudaDeviceId: 0),
            new BatchingOptions(32, TimeSpan.FromMilliseconds(2), 1024, TimeSpan.FromSeconds(30)),
            TimeProvider.System,
            NullLogger<SessionPool>.Instance);
        _client = new InProcessInferenceClient(_registry, _pool, TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        await _pool.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task PredictAsync_RiskModel_ReturnsCalibratedProbabilitiesLabelConfidenceAndProvider()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var service = new RiskModelService(_registry, NullLogger<RiskModelService>.Instance);
        await service.EnsureBootstrapAsync(ct);
        var model = RiskModelTrainer.TrainOnCorpus();
        var rows = DisputeCorpus.Default.Take(5).Select(DisputeFeatures.Extract).ToArray();

        // Act
        var result = await _client.PredictAsync(RiskModelService.ModelId, null, rows, ct);

        // Assert
        Assert.Equal(1, result.Version);
        Assert.Equal(ProviderChoice.Cpu, result.Provider);
        Assert.Equal(5, result.Rows.Count);
        for (var i = 0; i < rows.Length; i++)
        {
            var p = model.PredictProbability(rows[i]);
            Assert.Equal(p, result.Rows[i].Scores[1], 5);
            Assert.Equal(p >= 0.5 ? "high-risk" : "low-risk", result.Rows[i].Label);
            Assert.Equal(Math.Max(p, 1 - p), result.Rows[i].Confidence!.Value, 5);
        }

        var served = Assert.Single(await _client.ListServedModelsAsync(ct));
        Assert.Contains("CUDA", served.ProviderReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PredictAsync_PendingVersion_IsNotServedUntilApproved()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var service = new RiskModelService(_registry, NullLogger<RiskModelService>.Instance);
        await service.EnsureBootstrapAsync(ct);
        var decisions = DisputeCorpus.Generate(200, seed: 77).Select(r => LabelledExample.FromDecision(r, !r.HighRisk)).ToArray();
        var (v2, metrics) = await service.RetrainAsync(decisions, "analyst@example.com", ct);
        var row = DisputeFeatures.Extract(DisputeCorpus.Default[0]);

        // Act
        var pinned = await Assert.ThrowsAsync<ModelNotFoundException>(() => _client.PredictAsync(RiskModelService.ModelId, 2, [row], ct));
        var latestBefore = await _client.PredictAsync(RiskModelService.ModelId, null, [row], ct);
        await _registry.SetStatusAsync(RiskModelService.ModelId, 2, ModelStatus.Approved, "approver@example.com", ct);
        var latestAfter = await _client.PredictAsync(RiskModelService.ModelId, null, [row], ct);

        // Assert
        Assert.Equal(ModelStatus.PendingApproval, v2.Status);
        Assert.Equal("analyst@example.com", v2.TrainedBy);
        Assert.Equal(5200, v2.Metrics["trainingDataSize"]);
        Assert.Equal(200, v2.Metrics["humanDecisions"]);
        Assert.Equal(metrics.Auc, v2.Metrics["auc"]);
        Assert.Contains("PendingApproval", pinned.Message, StringComparison.Ordinal);
        Assert.Equal(1, latestBefore.Version);
        Assert.Equal(2, latestAfter.Version);
    }

    [Fact]
    public async Task PredictAsync_TamperedModelFile_ThrowsIntegrityAndRecoversOnceRestored()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var v1 = await _registry.RegisterAsync(
            new ModelRegistration { Id = "embed", OnnxModel = OnnxModelFactory.Linear(ReferenceLayers.Identity(2)), Kind = ModelKind.Embedding, TrainedBy = "test", IsBootstrap = true }, ct);
        var original = await File.ReadAllBytesAsync(v1.OnnxPath, ct);
        await File.WriteAllBytesAsync(v1.OnnxPath, [.. original, 0], ct);

        // Act
        await Assert.ThrowsAsync<ModelIntegrityException>(() => _client.PredictAsync("embed", 1, [[1, 2]], ct));
        await File.WriteAllBytesAsync(v1.OnnxPath, original, ct);
        var result = await _client.PredictAsync("embed", 1, [[1, 2]], ct);

        // Assert: the failed load was not cached.
        Assert.Equal([1f, 2], Assert.Single(result.Rows).Scores);
    }

    [Fact]
    public async Task PredictAsync_RetiredVersion_IsNotServed()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await _registry.RegisterAsync(
            new ModelRegistration { Id = "embed", OnnxModel = OnnxModelFactory.Linear(ReferenceLayers.Identity(2)), Kind = ModelKind.Embedding, TrainedBy = "test", IsBootstrap = true }, ct);
        await _client.PredictAsync("embed", 1, [[1, 2]], ct);

        // Act
        await _registry.SetStatusAsync("embed", 1, ModelStatus.Retired, "admin", ct);

        // Assert
        await Assert.ThrowsAsync<ModelNotFoundException>(() => _client.PredictAsync("embed", 1, [[1, 2]], ct));
        await Assert.ThrowsAsync<ModelNotFoundException>(() => _client.PredictAsync("embed", null, [[1, 2]], ct));
    }

    [Fact]
    public async Task PredictAsync_UnknownModel_ThrowsModelNotFound()
    {
        // Act + Assert
        await Assert.ThrowsAsync<ModelNotFoundException>(() => _client.PredictAsync("nope", null, [[1f]], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PredictAsync_EmbeddingKind_ReturnsVectorsWithoutLabel()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var layer = ReferenceLayers.Identity(4);
        await _registry.RegisterAsync(new ModelRegistration { Id = "embed", OnnxModel = OnnxModelFactory.Linear(layer), Kind = ModelKind.Embedding, TrainedBy = "test", IsBootstrap = true }, ct);

        // Act
        var result = await _client.PredictAsync("embed", null, [[1, 2, 3, 4]], ct);

        // Assert
        var row = Assert.Single(result.Rows);
        Assert.Equal([1f, 2, 3, 4], row.Scores);
        Assert.Null(row.Label);
        Assert.Null(row.Confidence);
    }

    private static class ReferenceLayers
    {
        public static DenseLayer Identity(int n) =>
            new(n, n, Enumerable.Range(0, n * n).Select(i => i / n == i % n ? 1f : 0f).ToArray(), new float[n]);
    }
}
