using Microsoft.Extensions.AI;

namespace Designer.Retrieval.Embeddings;

/// <summary>
/// What the ONNX-served embedding generators answer alike, so that a caller (the cache, the catalogue, usage metering)
/// sees the same model key, timestamps, usage and services whichever encoder sits behind the model.
/// </summary>
internal static class OnnxEmbeddings
{
    /// <summary>The vectors as one result, each stamped with the model key and time; usage counts the input tokens.</summary>
    internal static GeneratedEmbeddings<Embedding<float>> Result(float[][] vectors, string modelKey, DateTimeOffset created, int tokens) =>
        new(vectors.Select(v => new Embedding<float>(v) { ModelId = modelKey, CreatedAt = created }))
        {
            Usage = new UsageDetails { InputTokenCount = tokens, TotalTokenCount = tokens },
        };

    /// <summary><c>GetService</c> for a generator that offers its metadata and itself, unkeyed.</summary>
    internal static object? Service(object generator, EmbeddingGeneratorMetadata metadata, Type serviceType, object? serviceKey)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
            : serviceType.IsInstanceOfType(generator) ? generator
            : null;
    }
}
