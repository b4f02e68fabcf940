using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Inference.Registry;
using Designer.Inference.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Designer.InferenceHost.Tests;

/// <summary>The host's model API contract: list, versions, predict, errors as RFC 7807, health and metrics.</summary>
public sealed class ModelApiTests(ModelApiTests.Fixture fixture) : IClassFixture<ModelApiTests.Fixture>
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task ListModels_AfterStart_DisputeRiskV1ApprovedAndLoaded()
    {
        // Act
        var models = (await Client.GetFromJsonAsync<JsonArray>("/v1/models"))!;

        // Assert
        var risk = models.Single(m => m!["id"]!.GetValue<string>() == "dispute-risk" && m["version"]!.GetValue<int>() == 1)!;
        Assert.Equal("approved", risk["status"]!.GetValue<string>());
        Assert.Equal("classifier", risk["kind"]!.GetValue<string>());
        Assert.Equal("CPUExecutionProvider", risk["provider"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(risk["providerReason"]!.GetValue<string>()));
        Assert.Equal(2, risk["labels"]!.AsArray().Count);
        Assert.True(risk["metrics"]!["auc"]!.GetValue<double>() > 0.8);
    }

    [Fact]
    public async Task GetModel_Known_ListsVersions()
    {
        var model = (await Client.GetFromJsonAsync<JsonObject>("/v1/models/dispute-risk"))!;

        Assert.Equal("dispute-risk", model["id"]!.GetValue<string>());
        Assert.Contains(model["versions"]!.AsArray(), v => v!["version"]!.GetValue<int>() == 1);
    }

    [Fact]
    public async Task GetModel_Unknown_Returns404Problem()
    {
        var response = await Client.GetAsync("/v1/models/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Predict_TwoRows_ReturnsScoresLabelConfidencePerRow()
    {
        // Act
        var response = await Client.PostJsonAsync("/v1/models/dispute-risk/predict", $"{{ \"rows\": [{HttpExtensions.RiskRow}, {HttpExtensions.RiskRow}] }}");
        var body = await response.ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("dispute-risk", body["model"]!.GetValue<string>());
        Assert.Equal(1, body["version"]!.GetValue<int>());
        Assert.Equal("CPUExecutionProvider", body["provider"]!.GetValue<string>());
        Assert.True(body["latencyMs"]!.GetValue<double>() >= 0);
        var predictions = body["predictions"]!.AsArray();
        Assert.Equal(2, predictions.Count);
        var first = predictions[0]!;
        var scores = first["scores"]!.AsArray().Select(s => s!.GetValue<float>()).ToArray();
        Assert.Equal(1f, scores.Sum(), 3);
        Assert.Equal(scores.Max(), first["confidence"]!.GetValue<float>());
        Assert.Contains(first["label"]!.GetValue<string>(), TrainedRiskModel.Labels);
    }

    [Fact]
    public async Task Predict_WrongWidthNaNAndStrings_Returns400ListingEachProblem()
    {
        // Arrange: a short row, a string "NaN", and a number too large for float.
        var json = $"{{ \"rows\": [[1, 2, 3], [\"NaN\", 0, 1, 0, 0, 0, 0.05, 24, 0, 1], {HttpExtensions.RiskRow}, [1e39, 0, 1, 0, 0, 0, 0.05, 24, 0, 1]] }}";

        // Act
        var response = await Client.PostJsonAsync("/v1/models/dispute-risk/predict", json);
        var errors = (await response.ReadObjectAsync()).Errors();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(3, errors.Count);
        Assert.Contains("rows[0] has 3 values; the model expects 10.", errors);
        Assert.Contains(errors, e => e.StartsWith("rows[1][0]", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("rows[3][0]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("{ }")]
    [InlineData("{ \"rows\": [], \"texts\": [\"a\"] }")]
    [InlineData("{ \"version\": 0, \"rows\": [[1]] }")]
    [InlineData("{ \"rows\": 5 }")]
    [InlineData("{ \"rows\": [] }")]
    public async Task Predict_MalformedBody_Returns400Problem(string json)
    {
        var response = await Client.PostJsonAsync("/v1/models/dispute-risk/predict", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Predict_TextsForClassifier_Returns400()
    {
        var response = await Client.PostJsonAsync("/v1/models/dispute-risk/predict", "{ \"texts\": [\"card stolen\"] }");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("only accepted by embedding models", (await response.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predict_UnknownModel_Returns404()
    {
        var response = await Client.PostJsonAsync("/v1/models/nope/predict", $"{{ \"rows\": [{HttpExtensions.RiskRow}] }}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Predict_PendingVersion_Returns404NotServed()
    {
        // Arrange: a retrain on the web side of the shared registry (the host's own view is read-only) registers a
        // PendingApproval version.
        var riskModels = new RiskModelService(
            fixture.Factory.Services.GetRequiredService<DatabaseModelRegistry>(), NullLogger<RiskModelService>.Instance);
        var (pending, _) = await riskModels.RetrainAsync([], "someone", CancellationToken.None);

        // Act
        var response = await Client.PostJsonAsync("/v1/models/dispute-risk/predict", $"{{ \"version\": {pending.Version}, \"rows\": [{HttpExtensions.RiskRow}] }}");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("only approved versions are served", (await response.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_AfterBootstrap_Healthy()
    {
        var response = await Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_AfterPredict_ExposesInferenceInstrumentsAsPrometheusText()
    {
        // Arrange
        await Client.PostJsonAsync("/v1/models/dispute-risk/predict", $"{{ \"rows\": [{HttpExtensions.RiskRow}] }}");

        // Act
        var response = await Client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        // Assert
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("# TYPE designer_inference_request_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("designer_inference_request_duration_seconds_count{model=\"dispute-risk\",outcome=\"ok\",version=\"1\"}", text, StringComparison.Ordinal);
        Assert.Contains("designer_inference_batch_size_bucket{model=\"dispute-risk\",version=\"1\",le=\"+Inf\"}", text, StringComparison.Ordinal);
        Assert.Contains("designer_inference_queue_depth{model=\"dispute-risk\",version=\"1\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE designer_inference_requests_rejected_total counter", text, StringComparison.Ordinal);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public HostFactory Factory { get; } = new();

        public HttpClient Client { get; private set; } = null!;

        public ValueTask InitializeAsync()
        {
            Client = Factory.CreateClient();
            return ValueTask.CompletedTask;
        }

        public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
    }
}
