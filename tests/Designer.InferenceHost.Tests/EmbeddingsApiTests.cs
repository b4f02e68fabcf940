using System.Net;
using Designer.Inference.Onnx;
using Designer.Inference.Registry;
using Designer.InferenceHost.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.InferenceHost.Tests;

/// <summary>The OpenAI-compatible embeddings endpoint: request validation, 404 until an embedding model exists, response shape.</summary>
public sealed class EmbeddingsApiTests
{
    [Theory]
    [InlineData("{ \"input\": \"x\" }", "'model' is required")]
    [InlineData("{ \"model\": \"e\" }", "'input' is required")]
    [InlineData("{ \"model\": \"e\", \"input\": 5 }", "'input' must be a string or an array of strings.")]
    [InlineData("{ \"model\": \"e\", \"input\": [] }", "'input' must hold 1 to 2048 strings.")]
    [InlineData("{ \"model\": \"e\", \"input\": [\"a\", 1] }", "'input[1]' must be a string.")]
    [InlineData("{ \"model\": \"e\", \"input\": \"a\", \"encoding_format\": \"binary\" }", "'encoding_format' must be \"float\" or \"base64\".")]
    public async Task Embeddings_InvalidRequest_Returns400NamingTheProblem(string json, string expected)
    {
        // Arrange
        await using var factory = new HostFactory();
        var client = factory.CreateClient();

        // Act
        var response = await client.PostJsonAsync("/v1/embeddings", json);
        var problem = await response.ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem.Errors(), e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Embeddings_NoEmbeddingModelRegistered_Returns404SayingSo()
    {
        // Arrange
        await using var factory = new HostFactory();
        var client = factory.CreateClient();

        // Act
        var response = await client.PostJsonAsync("/v1/embeddings", "{ \"model\": \"dispute-embed\", \"input\": [\"card stolen\"], \"encoding_format\": \"float\" }");
        var problem = await response.ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("No embedding model is registered", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Embeddings_RegisteredModelAndEncoder_ReturnsOpenAiShape()
    {
        // Arrange: an identity "embedding" model (3 → 3) and a test encoder, so the vectors are known exactly.
        await using var factory = new HostFactory(services: s => s.AddSingleton<IEmbeddingTextEncoder, LengthEncoder>());
        var client = factory.CreateClient();
        var registry = factory.Services.GetRequiredService<IModelRegistry>();
        var identity = new DenseLayer(3, 3, [1, 0, 0, 0, 1, 0, 0, 0, 1], [0, 0, 0]);
        await registry.RegisterAsync(new ModelRegistration
        {
            Id = "test-embed", OnnxModel = OnnxModelFactory.Linear(identity), Kind = ModelKind.Embedding, TrainedBy = "test", IsBootstrap = true,
        }, CancellationToken.None);

        // Act
        var response = await client.PostJsonAsync("/v1/embeddings", "{ \"model\": \"test-embed\", \"input\": [\"ab\", \"abcd\"] }");
        var body = await response.ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("list", body["object"]!.GetValue<string>());
        Assert.Equal("test-embed", body["model"]!.GetValue<string>());
        var data = body["data"]!.AsArray();
        Assert.Equal(2, data.Count);
        Assert.Equal("embedding", data[1]!["object"]!.GetValue<string>());
        Assert.Equal(1, data[1]!["index"]!.GetValue<int>());
        Assert.Equal([4f, 1f, 0f], data[1]!["embedding"]!.AsArray().Select(v => v!.GetValue<float>()));
        Assert.Equal(6, body["usage"]!["prompt_tokens"]!.GetValue<int>());
        Assert.Equal(6, body["usage"]!["total_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Embeddings_Base64Encoding_ReturnsLittleEndianFloat32Bytes()
    {
        // Arrange
        await using var factory = new HostFactory(services: s => s.AddSingleton<IEmbeddingTextEncoder, LengthEncoder>());
        var client = factory.CreateClient();
        var registry = factory.Services.GetRequiredService<IModelRegistry>();
        var identity = new DenseLayer(3, 3, [1, 0, 0, 0, 1, 0, 0, 0, 1], [0, 0, 0]);
        await registry.RegisterAsync(new ModelRegistration
        {
            Id = "test-embed", OnnxModel = OnnxModelFactory.Linear(identity), Kind = ModelKind.Embedding, TrainedBy = "test", IsBootstrap = true,
        }, CancellationToken.None);

        // Act
        var response = await client.PostJsonAsync("/v1/embeddings", "{ \"model\": \"test-embed\", \"input\": \"abcde\", \"encoding_format\": \"base64\" }");
        var body = await response.ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = Convert.FromBase64String(body["data"]![0]!["embedding"]!.GetValue<string>());
        var vector = Enumerable.Range(0, bytes.Length / 4).Select(i => System.Buffers.Binary.BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * 4))).ToArray();
        Assert.Equal([5f, 1f, 0f], vector);
    }

    [Fact]
    public async Task Predict_TextsForEmbeddingModel_UsesTheEncoder()
    {
        // Arrange
        await using var factory = new HostFactory(services: s => s.AddSingleton<IEmbeddingTextEncoder, LengthEncoder>());
        var client = factory.CreateClient();
        var registry = factory.Services.GetRequiredService<IModelRegistry>();
        var identity = new DenseLayer(3, 3, [1, 0, 0, 0, 1, 0, 0, 0, 1], [0, 0, 0]);
        await registry.RegisterAsync(new ModelRegistration
        {
            Id = "test-embed", OnnxModel = OnnxModelFactory.Linear(identity), Kind = ModelKind.Embedding, TrainedBy = "test", IsBootstrap = true,
        }, CancellationToken.None);

        // Act
        var response = await client.PostJsonAsync("/v1/models/test-embed/predict", "{ \"texts\": [\"abc\"] }");
        var prediction = (await response.ReadObjectAsync())["predictions"]!.AsArray()[0]!;

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([3f, 1f, 0f], prediction["scores"]!.AsArray().Select(v => v!.GetValue<float>()));
        Assert.Null(prediction["label"]);
    }

    /// <summary>Test encoder: [length, 1, 0] per text, one token per character.</summary>
    private sealed class LengthEncoder : IEmbeddingTextEncoder
    {
        public bool CanEncode(ModelDescriptor model) => model.Id == "test-embed";

        public EncodedTexts Encode(ModelDescriptor model, IReadOnlyList<string> texts) =>
            new(texts.Select(t => new float[] { t.Length, 1, 0 }).ToList(), texts.Sum(t => t.Length));
    }
}
