using Designer.Retrieval.Indexes;

namespace Designer.Retrieval.Collections;

/// <summary>
/// The index backends a collection may choose from: <c>embedded</c> always, <c>pgvector</c> when a connection string
/// is configured, <c>qdrant</c> when an endpoint is. Providers are created on first use and disposed with this object.
/// </summary>
public sealed class VectorIndexBackends : IAsyncDisposable
{
    /// <summary>The embedded backend's name.</summary>
    public const string Embedded = "embedded";

    /// <summary>The pgvector backend's name.</summary>
    public const string PgVector = "pgvector";

    /// <summary>The Qdrant backend's name.</summary>
    public const string Qdrant = "qdrant";

    private readonly Dictionary<string, Lazy<IVectorIndexProvider>> _providers;

    /// <summary>Creates the set.</summary>
    /// <param name="defaultBackend">The backend new collections use when none is named.</param>
    /// <param name="factories">Backend name → provider factory, for each available backend.</param>
    public VectorIndexBackends(string defaultBackend, IReadOnlyDictionary<string, Func<IVectorIndexProvider>> factories)
    {
        ArgumentNullException.ThrowIfNull(factories);
        _providers = factories.ToDictionary(f => f.Key, f => new Lazy<IVectorIndexProvider>(f.Value), StringComparer.Ordinal);
        if (!_providers.ContainsKey(defaultBackend))
        {
            throw new ArgumentException($"The default backend '{defaultBackend}' is not available.", nameof(defaultBackend));
        }

        Default = defaultBackend;
    }

    /// <summary>The backend new collections use when none is named.</summary>
    public string Default { get; }

    /// <summary>The available backend names.</summary>
    public IReadOnlyList<string> Available => [.. _providers.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Returns the provider of a backend.</summary>
    /// <param name="backend">The backend name.</param>
    /// <exception cref="KeyNotFoundException">The backend is not available.</exception>
    public IVectorIndexProvider Get(string backend) =>
        _providers.TryGetValue(backend, out var provider)
            ? provider.Value
            : throw new KeyNotFoundException($"Index backend '{backend}' is not available here; available: {string.Join(", ", Available)}.");

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers.Values.Where(p => p.IsValueCreated))
        {
            await provider.Value.DisposeAsync();
        }
    }
}
