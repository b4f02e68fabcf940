using Microsoft.Extensions.AI;

namespace Designer.Retrieval.Embeddings;

/// <summary>
/// Resolves the embedding generator a collection was built with, and trains the project's default embedding model
/// on a corpus. Collections store the model name and version they were embedded with, so a query is always embedded
/// by the same model version as the chunks it is compared with.
/// </summary>
public interface IEmbeddingModelCatalog
{
    /// <summary>The model name a collection uses when none is given: the model the project trains itself.</summary>
    string DefaultModel { get; }

    /// <summary>Returns the generator of one model version.</summary>
    /// <param name="model">The model name.</param>
    /// <param name="version">The version; <see langword="null"/> for the newest usable one.</param>
    /// <returns>The model version and its generator.</returns>
    /// <exception cref="KeyNotFoundException">No such model or version.</exception>
    Task<EmbeddingModelHandle> GetAsync(string model, int? version, CancellationToken cancellationToken);

    /// <summary>Trains a new version of a project-trained model on a corpus and registers it.</summary>
    /// <param name="model">The model name (a project-trained kind, e.g. <see cref="DefaultModel"/>).</param>
    /// <param name="corpus">The texts to learn the vocabulary and the embedding space from.</param>
    /// <returns>The new version and its generator.</returns>
    Task<EmbeddingModelHandle> TrainAsync(string model, IReadOnlyList<string> corpus, CancellationToken cancellationToken);
}

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
