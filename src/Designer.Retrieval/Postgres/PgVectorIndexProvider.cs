using System.Globalization;
using System.Text.RegularExpressions;
using Designer.Retrieval.Indexes;
using Npgsql;

namespace Designer.Retrieval.Postgres;

/// <summary>
/// PostgreSQL + pgvector collections: <c>CREATE EXTENSION IF NOT EXISTS vector</c> on first use (then
/// <see cref="NpgsqlDataSource.ReloadTypesAsync"/>, so a fresh database learns the new type), one table per collection
/// and a <c>&lt;prefix&gt;_collections</c> table recording each dimension. Works against native PostgreSQL with pgvector
/// and against PGlite (PostgreSQL compiled to WASM) served over the wire protocol, which the tests use.
/// </summary>
public sealed partial class PgVectorIndexProvider : IVectorIndexProvider
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PgVectorOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _initialised;
    private bool _iterativeScan;

    /// <summary>Creates a provider over a connection string (PGlite needs <c>Pooling=false</c> or a small pool).</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="options">Table prefix and HNSW settings, or <see langword="null"/> for defaults.</param>
    public PgVectorIndexProvider(string connectionString, PgVectorOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _options = options ?? new PgVectorOptions();
        if (!PrefixPattern().IsMatch(_options.TablePrefix))
        {
            throw new ArgumentException($"Table prefix '{_options.TablePrefix}' must be 1-15 lower-case letters, digits or underscores.", nameof(options));
        }

        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseVector();
        _dataSource = builder.Build();
    }

    /// <inheritdoc />
    public string Backend => "pgvector";

    private string MetadataTable => _options.TablePrefix + "_collections";

    /// <inheritdoc />
    public async Task<IVectorIndex> CreateAsync(string collection, int dimension, VectorDistance distance = VectorDistance.Cosine, CancellationToken cancellationToken = default)
    {
        CollectionName.Validate(collection);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        await EnsureInitialisedAsync(cancellationToken);
        if (await ReadDimensionAsync(collection, cancellationToken) is { } existing)
        {
            return existing == dimension
                ? CreateIndex(collection, dimension)
                : throw new ArgumentException($"Collection '{collection}' exists with dimension {existing}, not {dimension}.", nameof(dimension));
        }

        var table = TableName(collection);
        var d = dimension.ToString(CultureInfo.InvariantCulture);
        var m = _options.HnswM.ToString(CultureInfo.InvariantCulture);
        var ef = _options.HnswEfConstruction.ToString(CultureInfo.InvariantCulture);
        await using var command = _dataSource.CreateCommand(
            $"CREATE TABLE IF NOT EXISTS \"{table}\" (id text PRIMARY KEY, embedding vector({d}) NOT NULL, text text, " +
            "payload jsonb NOT NULL DEFAULT '{}', tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(text, ''))) STORED); " +
            $"CREATE INDEX IF NOT EXISTS \"{table}_h\" ON \"{table}\" USING hnsw (embedding vector_cosine_ops) WITH (m = {m}, ef_construction = {ef}); " +
            $"CREATE INDEX IF NOT EXISTS \"{table}_t\" ON \"{table}\" USING gin (tsv); " +
            $"INSERT INTO \"{MetadataTable}\" (name, dimension, distance) VALUES (@name, @dimension, @distance) ON CONFLICT (name) DO NOTHING");
        command.Parameters.AddWithValue("name", collection);
        command.Parameters.AddWithValue("dimension", dimension);
        command.Parameters.AddWithValue("distance", distance.ToString());
        await command.ExecuteNonQueryAsync(cancellationToken);
        return CreateIndex(collection, dimension);
    }

    /// <inheritdoc />
    public async Task<IVectorIndex?> OpenAsync(string collection, CancellationToken cancellationToken = default)
    {
        CollectionName.Validate(collection);
        await EnsureInitialisedAsync(cancellationToken);
        return await ReadDimensionAsync(collection, cancellationToken) is { } dimension ? CreateIndex(collection, dimension) : null;
    }

    /// <inheritdoc />
    public async Task<bool> DropAsync(string collection, CancellationToken cancellationToken = default)
    {
        CollectionName.Validate(collection);
        await EnsureInitialisedAsync(cancellationToken);
        await using var command = _dataSource.CreateCommand(
            $"DROP TABLE IF EXISTS \"{TableName(collection)}\"; DELETE FROM \"{MetadataTable}\" WHERE name = @name");
        command.Parameters.AddWithValue("name", collection);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private PgVectorIndex CreateIndex(string collection, int dimension) =>
        new(_dataSource, TableName(collection), collection, dimension, _options, _iterativeScan);

    private string TableName(string collection) => _options.TablePrefix + collection;

    private async Task<int?> ReadDimensionAsync(string collection, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT dimension FROM \"{MetadataTable}\" WHERE name = @name");
        command.Parameters.AddWithValue("name", collection);
        return await command.ExecuteScalarAsync(cancellationToken) is int dimension ? dimension : null;
    }

    private async Task EnsureInitialisedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _initialised))
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_initialised)
            {
                return;
            }

            await using (var command = _dataSource.CreateCommand(
                "CREATE EXTENSION IF NOT EXISTS vector; " +
                $"CREATE TABLE IF NOT EXISTS \"{MetadataTable}\" (name text PRIMARY KEY, dimension int NOT NULL, distance text NOT NULL); " +
                "SELECT extversion FROM pg_extension WHERE extname = 'vector'"))
            {
                var version = (string?)await command.ExecuteScalarAsync(cancellationToken);
                _iterativeScan = System.Version.TryParse(version, out var v) && v >= new Version(0, 8);
            }

            // The data source cached the type catalogue before the extension existed; without a reload the first
            // vector parameter fails with "type vector unknown" on a fresh database.
            await _dataSource.ReloadTypesAsync(cancellationToken);
            _initialised = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();
}
