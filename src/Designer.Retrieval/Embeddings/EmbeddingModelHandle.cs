using Microsoft.Extensions.AI;

namespace Designer.Retrieval.Embeddings;

/// <summary>One embedding model version and the generator that runs it.</summary>
/// <param name="Model">The model name.</param>
/// <param name="Dimensions">The embedding length.</param>
/// <param name="Generator">The generator of documents (batched, cached).</param>
public sealed record EmbeddingModelHandle(
    string Model,
    int Version,
    int Dimensions,
    IEmbeddingGenerator<string, Embedding<float>> Generator)
{
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _queryGenerator;

    /// <summary>The generator of queries: differs from <see cref="Generator"/> for models that prefix queries.</summary>
    public IEmbeddingGenerator<string, Embedding<float>> QueryGenerator
    {
        get => _queryGenerator ?? Generator;
        init => _queryGenerator = value;
    }

    /// <summary>The model's own dense weight of hybrid search (its descriptor's), or <see langword="null"/> for the configured one.</summary>
    public double? HybridDenseWeight { get; init; }

    /// <summary>Whether the model is a pretrained one registered from a carrier package (not trainable here).</summary>
    public bool IsPretrained { get; init; }
}
