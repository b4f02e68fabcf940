using Designer.Inference.Corpus;
using Designer.Inference.Registry;
using Designer.Inference.Serving;
using Designer.Inference.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Designer.Inference.Tests.Hosting;

public sealed class AddDesignerInferenceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task StartAsync_EmptyDataDirectory_BootstrapsApprovedRiskModelV1()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        using var host = Build(("Designer:Inference:DataDirectory", _dir.Path), ("Designer:Inference:MaxBatchSize", "16"));

        // Act
        await host.StartAsync(ct);
        var client = host.Services.GetRequiredService<IInferenceClient>();
        var models = await client.ListModelsAsync(ct);
        var prediction = await client.PredictAsync(RiskModelService.ModelId, null, [DisputeFeatures.Extract(DisputeCorpus.Default[0])], ct);
        await host.StopAsync(ct);

        // Assert
        var v1 = Assert.Single(models, m => m.Id == RiskModelService.ModelId);
        Assert.Equal((RiskModelService.ModelId, 1, ModelStatus.Approved), (v1.Id, v1.Version, v1.Status));
        Assert.Equal(RiskModelService.BootstrapTrainer, v1.TrainedBy);
        Assert.True(v1.Metrics["auc"] > 0.8);
        Assert.Equal(16, host.Services.GetRequiredService<IOptions<InferenceOptions>>().Value.MaxBatchSize);
        Assert.Equal(1, prediction.Version);
    }

    [Fact]
    public async Task StartAsync_InvalidOptions_FailsValidationOnStart()
    {
        // Arrange
        using var host = Build(("Designer:Inference:DataDirectory", _dir.Path), ("Designer:Inference:MaxBatchSize", "0"));

        // Act
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains("MaxBatchSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_OnlySharedDataDirectory_UsesItLikeTheWebHost()
    {
        // Arrange
        using var host = Build(("Designer:DataDirectory", _dir.Path));

        // Act
        var options = host.Services.GetRequiredService<IOptions<InferenceOptions>>().Value;

        // Assert
        Assert.Equal(Path.GetFullPath(_dir.Path), options.DataDirectory);
    }

    [Theory]
    [InlineData("own", "shared", "/srv/app", "/srv/app/own")]
    [InlineData(null, "shared", "/srv/app", "/srv/app/shared")]
    [InlineData(null, null, "/srv/app", "/srv/app/data")]
    [InlineData(null, "/var/designer", "/srv/app", "/var/designer")]
    [InlineData(" ", "  ", "/srv/app", "/srv/app/data")]
    public void ResolveDataDirectory_Settings_ResolvesAgainstContentRoot(string? own, string? shared, string contentRoot, string expected)
    {
        var resolved = InferenceServiceCollectionExtensions.ResolveDataDirectory(own, shared, contentRoot);

        Assert.Equal(expected, resolved);
    }

    private static IHost Build(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddLogging();
        builder.AddDesignerInference();
        return builder.Build();
    }
}
