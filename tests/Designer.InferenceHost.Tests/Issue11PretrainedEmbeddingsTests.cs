using System.Net;
using System.Text.Json.Nodes;
using Designer.Inference.Registry;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.InferenceHost.Tests;

/// <summary>Issue 11: the host serves the pretrained model on /v1/embeddings, reports truncation and refuses bad input.</summary>
public sealed class Issue11PretrainedEmbeddingsTests
{
    private static HostFactory Pretrained() => new(new Dictionary<string, string?>
    {
        ["Designer:Inference:BootstrapPretrainedModels"] = "true",
        ["Designer:Inference:BootstrapRiskModel"] = "false",

        // A transformer call on a shared 2-core machine can pass the interactive 2 s default; this is not a latency test.
        ["Designer:Inference:RequestTimeoutMs"] = "60000",
    });

    [Fact]
    public async Task Embeddings_PretrainedMiniLm_Returns384DimensionalUnitVectorsAndReportsTruncation()
    {
        // Arrange
        await using var factory = Pretrained();
        var client = factory.CreateClient();
        var longText = string.Join(' ', Enumerable.Repeat("card", 400));

        // Act
        var response = await client.PostJsonAsync("/v1/embeddings",
            new JsonObject { ["model"] = "all-minilm-l6-v2", ["input"] = new JsonArray("card payment declined", longText) }.ToJsonString());
        var body = await response.ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var first = body["data"]![0]!["embedding"]!.AsArray().Select(v => v!.GetValue<float>()).ToArray();
        Assert.Equal(384, first.Length);
        Assert.Equal(1.0, Math.Sqrt(first.Sum(v => (double)v * v)), 3);
        Assert.Equal([1], body["designer_truncated"]!.AsArray().Select(v => v!.GetValue<int>()));
    }

    [Fact]
    public async Task Embeddings_BlankInput_Returns400ListingEachBlankInput()
    {
        // Arrange
        await using var factory = Pretrained();
        var client = factory.CreateClient();

        // Act
        var response = await client.PostJsonAsync("/v1/embeddings", "{ \"model\": \"all-minilm-l6-v2\", \"input\": [\"ok\", \"  \", \"\"] }");
        var problem = await response.ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem.Errors(), e => e.StartsWith("'input[1]' is empty", StringComparison.Ordinal));
        Assert.Contains(problem.Errors(), e => e.StartsWith("'input[2]' is empty", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Embeddings_UnknownModel_Returns404NamingTheRegisteredOnes()
    {
        // Arrange
        await using var factory = Pretrained();
        var client = factory.CreateClient();

        // Act
        var response = await client.PostJsonAsync("/v1/embeddings", "{ \"model\": \"no-such-model\", \"input\": \"card\" }");
        var problem = await response.ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("all-minilm-l6-v2", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Embeddings_VocabularyFailsItsHash_Returns503ProblemNotVectors()
    {
        // Arrange: the registered vocabulary is altered before its first use (the warm-up loads only the ONNX session,
        // whose own hash check the retrieval tests pin).
        await using var factory = Pretrained();
        var client = factory.CreateClient();
        var registry = factory.Services.GetRequiredService<IModelRegistry>();
        var descriptor = (await registry.GetAsync("all-minilm-l6-v2", null, TestContext.Current.CancellationToken))!;
        await File.AppendAllTextAsync(
            Path.Combine(Path.GetDirectoryName(descriptor.OnnxPath)!, FileModelRegistry.VocabularyFileName), "extra\n", TestContext.Current.CancellationToken);

        // Act
        var response = await client.PostJsonAsync("/v1/embeddings", "{ \"model\": \"all-minilm-l6-v2\", \"input\": \"card\" }");
        var problem = await response.ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("SHA-256", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
