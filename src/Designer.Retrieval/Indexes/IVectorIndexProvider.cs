namespace Designer.Retrieval.Indexes;

/// <summary>Creates, opens and drops the per-collection indexes of one backend. Owns (and disposes) the indexes it returns.</summary>
public interface IVectorIndexProvider : IAsyncDisposable
{
    /// <summary>The backend name, for traces and diagnostics (e.g. <c>embedded</c>, <c>pgvector</c>, <c>qdrant</c>).</summary>
    string Backend { get; }

    /// <summary>Creates the collection's index, or opens it if it exists with the same dimension.</summary>
    /// <param name="collection">Lower-case letters, digits and underscores, 1–48 characters, starting with a letter or digit.</param>
    /// <param name="dimension">The vector dimension.</param>
    /// <exception cref="ArgumentException">The name is invalid, or the collection exists with another dimension.</exception>
    Task<IVectorIndex> CreateAsync(string collection, int dimension, VectorDistance distance = VectorDistance.Cosine, CancellationToken cancellationToken = default);

    /// <summary>Opens an existing collection's index, or returns <see langword="null"/> when there is none.</summary>
    /// <param name="collection">The collection name.</param>
    Task<IVectorIndex?> OpenAsync(string collection, CancellationToken cancellationToken = default);

    /// <summary>Deletes the collection and its data; returns whether it existed.</summary>
    /// <param name="collection">The collection name.</param>
    Task<bool> DropAsync(string collection, CancellationToken cancellationToken = default);
}
