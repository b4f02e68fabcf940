using System.Net;
using Designer.Inference;
using Designer.Inference.Registry;
using Designer.Inference.Remote;
using Designer.Inference.Serving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Polly;

namespace Designer.InferenceHost.Tests;

/// <summary><see cref="RemoteInferenceClient"/> against the real host, through WebApplicationFactory's handler.</summary>
public sealed class RemoteInferenceClientTests(RemoteInferenceClientTests.Fixture fixture) : IClassFixture<RemoteInferenceClientTests.Fixture>
{
    private static readonly float[] Row = [4.8f, 0, 1, 0, 0, 0, 0.05f, 1.2f, 0, 1];

    [Fact]
    public async Task PredictAsync_AgainstHost_ReturnsLabelledRowsLikeInProcess()
    {
        // Arrange
        var remote = RemoteClient(fixture.Factory, out var provider);
        await using var _ = provider;
        var local = fixture.Factory.Services.GetRequiredService<IInferenceClient>();

        // Act
        var result = await remote.PredictAsync("dispute-risk", null, [Row, Row], CancellationToken.None);
        var expected = await local.PredictAsync("dispute-risk", null, [Row], CancellationToken.None);

        // Assert
        Assert.Equal(1, result.Version);
        Assert.Equal("CPUExecutionProvider", result.Provider);
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal(expected.Rows[0].Scores, result.Rows[0].Scores);
        Assert.Equal(expected.Rows[0].Label, result.Rows[0].Label);
    }

    [Fact]
    public async Task ListModelsAsync_AgainstHost_ReturnsDescriptorsAndServedProviders()
    {
        var remote = RemoteClient(fixture.Factory, out var provider);
        await using var _ = provider;

        var models = await remote.ListModelsAsync(CancellationToken.None);
        var served = await remote.ListServedModelsAsync(CancellationToken.None);

        var risk = Assert.Single(models, m => m.Id == "dispute-risk" && m.Version == 1);
        Assert.Equal(ModelStatus.Approved, risk.Status);
        Assert.Equal(ModelKind.Classifier, risk.Kind);
        Assert.Contains(served, s => s.Model == "dispute-risk" && s.Provider == "CPUExecutionProvider");
    }

    [Fact]
    public async Task PredictAsync_UnknownModel_ThrowsModelNotFound()
    {
        var remote = RemoteClient(fixture.Factory, out var provider);
        await using var _ = provider;

        await Assert.ThrowsAsync<ModelNotFoundException>(() => remote.PredictAsync("nope", null, [Row], CancellationToken.None));
    }

    [Fact]
    public async Task PredictAsync_WrongWidth_ThrowsArgumentExceptionWithTheProblem()
    {
        var remote = RemoteClient(fixture.Factory, out var provider);
        await using var _ = provider;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => remote.PredictAsync("dispute-risk", null, [[1f, 2f]], CancellationToken.None));

        Assert.Contains("rows[0] has 2 values; the model expects 10.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PredictAsync_HostQueueStaysFull_RetriesThenThrowsQueueFull()
    {
        // Arrange: the host's executor is blocked and its one queue slot taken, so every attempt gets 503.
        await using var blocking = new BlockingInferenceClient(TimeSpan.FromSeconds(30));
        await using var host = new HostFactory(services: s => s.AddSingleton<IInferenceClient>(blocking));
        var http = host.CreateClient();
        var body = $"{{ \"rows\": [{HttpExtensions.RiskRow}] }}";
        var running = http.PostJsonAsync("/v1/models/dispute-risk/predict", body);
        Assert.True(blocking.Executor.Entered.Wait(TimeSpan.FromSeconds(10)));
        var queued = http.PostJsonAsync("/v1/models/dispute-risk/predict", body);
        await blocking.WaitUntilSaturatedAsync();
        var remote = RemoteClient(host, out var provider);
        await using var _ = provider;

        // Act
        var error = await Assert.ThrowsAsync<InferenceQueueFullException>(() => remote.PredictAsync("dispute-risk", null, [Row], CancellationToken.None));

        // Assert
        Assert.Equal("dispute-risk", error.Model);
        blocking.Executor.Release.Set();
        Assert.Equal(HttpStatusCode.OK, (await running).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await queued).StatusCode);
    }

    [Theory]
    [InlineData("GET", "/v1/models", 500, true)]
    [InlineData("GET", "/v1/models", 404, false)]
    [InlineData("POST", "/v1/models/m/predict", 503, true)]
    [InlineData("POST", "/v1/models/m/predict", 500, false)]
    [InlineData("POST", "/v1/models/m/predict", 504, false)]
    [InlineData("POST", "/v1/embeddings", 503, false)]
    public void ShouldRetry_StatusByMethod_RetriesOnlySafeCalls(string method, string path, int status, bool expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(new Uri("http://host/"), path));
        using var response = new HttpResponseMessage((HttpStatusCode)status) { RequestMessage = request };

        var retry = RemoteInferenceServiceCollectionExtensions.ShouldRetry(request, Outcome.FromResult(response));

        Assert.Equal(expected, retry);
    }

    [Fact]
    public void ShouldRetry_PredictNeverReachedHost_Retries()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://host/v1/models/m/predict");
        var failure = new HttpRequestException(HttpRequestError.ConnectionError, "refused");

        Assert.True(RemoteInferenceServiceCollectionExtensions.ShouldRetry(request, Outcome.FromException<HttpResponseMessage>(failure)));
    }

    [Fact]
    public void AddDesignerInference_EndpointConfigured_SelectsRemoteClient()
    {
        // Arrange
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration["Designer:Inference:Endpoint"] = "http://inference:5090";
        builder.Configuration["Designer:Inference:BootstrapRiskModel"] = "false";

        // Act
        builder.AddDesignerInference();
        using var host = builder.Build();

        // Assert
        Assert.IsType<RemoteInferenceClient>(host.Services.GetRequiredService<IInferenceClient>());
    }

    private static IInferenceClient RemoteClient(HostFactory host, out ServiceProvider provider)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRemoteInferenceClient(new Uri("http://localhost/")).ConfigurePrimaryHttpMessageHandler(() => host.Server.CreateHandler());
        provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IInferenceClient>();
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public HostFactory Factory { get; } = new();

        public ValueTask InitializeAsync()
        {
            Factory.CreateClient().Dispose();
            return ValueTask.CompletedTask;
        }

        public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
    }
}
