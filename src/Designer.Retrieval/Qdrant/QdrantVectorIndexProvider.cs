using System.Text.Json.Nodes;
using Designer.Retrieval.Indexes;

namespace Designer.Retrieval.Qdrant;

/// <summary>
/// Qdrant collections over the REST API (<c>PUT/GET/DELETE /collections/{name}</c>), single unnamed dense vector
/// with cosine distance. The <see cref="HttpClient"/> must have Qdrant's base address (and <c>api-key</c> header if
/// needed) set, e.g. by <see cref="RetrievalServiceCollectionExtensions"/>.
/// </summary>
/// <remarks>Untested against a live Qdrant server (none here); contract-checked against Qdrant's OpenAPI 1.19 schema.</remarks>
public sealed class QdrantVectorIndexProvider : IVectorIndexProvider
{
    private readonly QdrantRestClient _client;
    private readonly string _lexicalRoot;
    private readonly Dictionary<string, QdrantVectorIndex> _open = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Creates a provider.</summary>
    /// <param name="httpClient">A client whose base address is the Qdrant endpoint.</param>
    /// <param name="lexicalRoot">The local folder for the per-collection Lucene (lexical) indexes.</param>
    public QdrantVectorIndexProvider(HttpClient httpClient, string lexicalRoot)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentException.ThrowIfNullOrEmpty(lexicalRoot);
        _client = new QdrantRestClient(httpClient);
        _lexicalRoot = Path.GetFullPath(lexicalRoot);
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

        var body = new JsonObject { ["vectors"] = new JsonObject { ["size"] = dimension, ["distance"] = "Cosine" } };
        await _client.SendAsync(HttpMethod.Put, $"collections/{collection}", body, cancellationToken);
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
        var result = await _client.SendAsync(HttpMethod.Delete, $"collections/{collection}", null, cancellationToken, allowNotFound: true);
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

        return result?.GetValue<bool>() ?? false;
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

        return ValueTask.CompletedTask;
    }

    private QdrantVectorIndex GetOrOpen(string collection, int dimension)
    {
        lock (_gate)
        {
            if (!_open.TryGetValue(collection, out var index))
            {
                index = new QdrantVectorIndex(_client, Path.Combine(_lexicalRoot, collection), collection, dimension);
                _open[collection] = index;
            }

            return index;
        }
    }

    private async Task<int?> ReadDimensionAsync(string collection, CancellationToken cancellationToken)
    {
        var info = await _client.SendAsync(HttpMethod.Get, $"collections/{collection}", null, cancellationToken, allowNotFound: true);
        return info?["config"]?["params"]?["vectors"]?["size"]?.GetValue<int>();
    }
}
