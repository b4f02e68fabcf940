using Designer.Retrieval.Indexes;
using Qdrant.Client.Grpc;

namespace Designer.Retrieval.Qdrant;

/// <summary>
/// Qdrant collections through the official <c>Qdrant.Client</c> over gRPC (<c>Collections/Get|Create|Delete|CollectionExists</c>),
/// one unnamed dense vector per point with cosine distance.
/// </summary>
/// <remarks>Never run against a live Qdrant server (none here); wire-tested against an in-process gRPC server.</remarks>
public sealed class QdrantVectorIndexProvider : IVectorIndexProvider
{
    private readonly QdrantConnection _connection;
    private readonly string _lexicalRoot;
    private readonly Dictionary<string, QdrantVectorIndex> _open = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Creates a provider with its own gRPC channel.</summary>
    /// <param name="connection">The endpoint, API key, TLS pinning and call deadline.</param>
    /// <param name="lexicalRoot">The local folder for the per-collection Lucene (lexical) indexes.</param>
    /// <param name="httpHandler">The HTTP/2 handler under the channel; <see langword="null"/> for a normal socket handler (tests pass an in-process one).</param>
    public QdrantVectorIndexProvider(QdrantConnectionSettings connection, string lexicalRoot, HttpMessageHandler? httpHandler = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(lexicalRoot);
        _lexicalRoot = Path.GetFullPath(lexicalRoot);
        _connection = new QdrantConnection(connection, httpHandler);
    }

    /// <inheritdoc />
    public string Backend => "qdrant";

    /// <inheritdoc />
    public async Task<IVectorIndex> CreateAsync(string collection, int dimension, VectorDistance distance = VectorDistance.Cosine, CancellationToken cancellationToken = default)
    {
        CollectionName.Validate(collection);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (await ReadDimensionAsync(collection, cancellationToken) is { } existing)
        {
            return existing == dimension
                ? GetOrOpen(collection, dimension)
                : throw new ArgumentException($"Collection '{collection}' exists with dimension {existing}, not {dimension}.", nameof(dimension));
        }

        await _connection.Client.CreateCollectionAsync(
            collection,
            new VectorParams { Size = (ulong)dimension, Distance = Distance.Cosine },
            cancellationToken: cancellationToken);
        return GetOrOpen(collection, dimension);
    }

    /// <inheritdoc />
    public async Task<IVectorIndex?> OpenAsync(string collection, CancellationToken cancellationToken = default)
    {
        CollectionName.Validate(collection);
        return await ReadDimensionAsync(collection, cancellationToken) is { } dimension ? GetOrOpen(collection, dimension) : null;
    }

    /// <inheritdoc />
    public async Task<bool> DropAsync(string collection, CancellationToken cancellationToken = default)
    {
        CollectionName.Validate(collection);
        var existed = await _connection.Client.CollectionExistsAsync(collection, cancellationToken);
        if (existed)
        {
            await _connection.Client.DeleteCollectionAsync(collection, cancellationToken: cancellationToken);
        }

        lock (_gate)
        {
            if (_open.Remove(collection, out var index))
            {
                index.Dispose();
            }
        }

        var folder = Path.Combine(_lexicalRoot, collection);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return existed;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            foreach (var index in _open.Values)
            {
                index.Dispose();
            }

            _open.Clear();
        }

        _connection.Dispose();
        return ValueTask.CompletedTask;
    }

    private QdrantVectorIndex GetOrOpen(string collection, int dimension)
    {
        lock (_gate)
        {
            if (!_open.TryGetValue(collection, out var index))
            {
                index = new QdrantVectorIndex(_connection.Client, Path.Combine(_lexicalRoot, collection), collection, dimension);
                _open[collection] = index;
            }

            return index;
        }
    }

    private async Task<int?> ReadDimensionAsync(string collection, CancellationToken cancellationToken)
    {
        // Asking first keeps "missing" apart from real failures without relying on the status code of Get.
        if (!await _connection.Client.CollectionExistsAsync(collection, cancellationToken))
        {
            return null;
        }

        var info = await _connection.Client.GetCollectionInfoAsync(collection, cancellationToken);
        var vectors = info.Config?.Params?.VectorsConfig;
        return vectors?.ConfigCase == VectorsConfig.ConfigOneofCase.Params
            ? checked((int)vectors.Params.Size)
            : throw new InvalidOperationException($"Qdrant collection '{collection}' has named vectors; Designer uses one unnamed dense vector.");
    }
}
