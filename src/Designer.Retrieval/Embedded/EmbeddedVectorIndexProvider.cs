using System.Text.Json;
using Designer.Retrieval.Indexes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Designer.Retrieval.Embedded;

/// <summary>
/// Embedded indexes, one folder per collection under a root folder (by default <c>data/indexes</c>): a
/// <c>collection.json</c> with the dimension and distance, the snapshot, the write-ahead log and the Lucene folder.
/// </summary>
public sealed class EmbeddedVectorIndexProvider : IVectorIndexProvider
{
    private const string MetadataName = "collection.json";
    private readonly string _root;
    private readonly EmbeddedIndexOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, EmbeddedVectorIndex> _open = new(StringComparer.Ordinal);

    /// <summary>Creates a provider over <paramref name="rootFolder"/>.</summary>
    /// <param name="rootFolder">The folder holding one sub-folder per collection; created if missing.</param>
    /// <param name="options">Index tuning, or <see langword="null"/> for defaults.</param>
    /// <param name="loggerFactory">Logging, or <see langword="null"/>.</param>
    public EmbeddedVectorIndexProvider(string rootFolder, EmbeddedIndexOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootFolder);
        _root = Path.GetFullPath(rootFolder);
        _options = options ?? new EmbeddedIndexOptions();
        _options.Validate();
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        Directory.CreateDirectory(_root);
    }

    /// <inheritdoc />
    public string Backend => "embedded";

    /// <inheritdoc />
    public async Task<IVectorIndex> CreateAsync(string collection, int dimension, VectorDistance distance = VectorDistance.Cosine, CancellationToken cancellationToken = default)
    {
        CollectionName.Validate(collection);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var metadataPath = Path.Combine(_root, collection, MetadataName);
            if (ReadMetadata(metadataPath) is { } existing)
            {
                if (existing.Dimension != dimension)
                {
                    throw new ArgumentException($"Collection '{collection}' exists with dimension {existing.Dimension}, not {dimension}.", nameof(dimension));
                }
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(metadataPath)!);
                var temporary = metadataPath + ".tmp";
                await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(new CollectionMetadata(dimension, distance.ToString())), cancellationToken);
                File.Move(temporary, metadataPath, overwrite: true);
            }

            return OpenLocked(collection, dimension);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IVectorIndex?> OpenAsync(string collection, CancellationToken cancellationToken = default)
    {
        CollectionName.Validate(collection);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return ReadMetadata(Path.Combine(_root, collection, MetadataName)) is { } metadata ? OpenLocked(collection, metadata.Dimension) : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> DropAsync(string collection, CancellationToken cancellationToken = default)
    {
        CollectionName.Validate(collection);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_open.Remove(collection, out var index))
            {
                index.Dispose();
            }

            var folder = Path.Combine(_root, collection);
            if (!Directory.Exists(folder))
            {
                return false;
            }

            Directory.Delete(folder, recursive: true);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Snapshots and closes every open index.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            foreach (var index in _open.Values)
            {
                index.Dispose();
            }

            _open.Clear();
        }
        finally
        {
            _gate.Release();
        }
    }

    private EmbeddedVectorIndex OpenLocked(string collection, int dimension)
    {
        if (!_open.TryGetValue(collection, out var index))
        {
            var logger = _loggerFactory.CreateLogger<EmbeddedVectorIndex>();
            index = EmbeddedVectorIndex.Open(Path.Combine(_root, collection), collection, dimension, _options, logger);
            _open[collection] = index;
        }

        return index;
    }

    private static CollectionMetadata? ReadMetadata(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<CollectionMetadata>(File.ReadAllText(path)) : null;

    private sealed record CollectionMetadata(int Dimension, string Distance);
}
