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
