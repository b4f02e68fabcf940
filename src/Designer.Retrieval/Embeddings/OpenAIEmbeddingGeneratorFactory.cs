using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Designer.Retrieval.Embeddings;

/// <summary>Creates the <c>Microsoft.Extensions.AI.OpenAI</c> embedding generator for an OpenAI-compatible endpoint.</summary>
public static class OpenAIEmbeddingGeneratorFactory
{
    /// <summary>Creates the generator, sending its requests through <paramref name="httpClient"/> (retries, handlers, tests).</summary>
    /// <param name="options">Endpoint, model and key.</param>
    /// <param name="httpClient">The HTTP client to use.</param>
    public static IEmbeddingGenerator<string, Embedding<float>> Create(OpenAIEmbeddingOptions options, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        var endpoint = options.Endpoint ?? throw new ArgumentException("An endpoint is required.", nameof(options));
        var client = new OpenAIClient(new ApiKeyCredential(options.ApiKey), new OpenAIClientOptions
        {
            Endpoint = endpoint,
            Transport = new HttpClientPipelineTransport(httpClient),
        });
        return client.GetEmbeddingClient(options.Model).AsIEmbeddingGenerator(options.Dimensions);
    }
}
