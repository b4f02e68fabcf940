using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Retrieval.Indexes;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace Designer.Retrieval.Postgres;

/// <summary>
/// One collection in PostgreSQL + pgvector: a table (id text PK, embedding vector(d), text, payload jsonb, and a
/// generated English <c>tsvector</c>) with an HNSW index (<c>vector_cosine_ops</c>) and a GIN index for full text.
/// </summary>
/// <remarks>
/// Lexical search here is PostgreSQL full-text search (terms OR-ed, ranked by <c>ts_rank_cd</c>), not Lucene: the data
/// and its text index stay in one transactional store shared by every web node, where a per-node Lucene folder would
/// drift. Its scores are on another scale than BM25; hybrid search only uses ranks, so fusion is unaffected.
/// </remarks>
public sealed class PgVectorIndex : VectorIndexBase
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _table;
    private readonly PgVectorOptions _options;
    private readonly bool _iterativeScan;

    internal PgVectorIndex(NpgsqlDataSource dataSource, string table, string collection, int dimension, PgVectorOptions options, bool iterativeScan)
        : base(collection, dimension)
    {
        _dataSource = dataSource;
        _table = table;
        _options = options;
        _iterativeScan = iterativeScan;
    }

    /// <inheritdoc />
    public override async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT count(*) FROM \"{_table}\"");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <inheritdoc />
    protected override async Task UpsertCoreAsync(IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var record in records)
        {
            var command = new NpgsqlBatchCommand(
                $"INSERT INTO \"{_table}\" (id, embedding, text, payload) VALUES ($1, $2, $3, $4) " +
                "ON CONFLICT (id) DO UPDATE SET embedding = excluded.embedding, text = excluded.text, payload = excluded.payload");
            command.Parameters.Add(new NpgsqlParameter { Value = record.Id });
            command.Parameters.Add(new NpgsqlParameter { Value = new Vector(record.Vector) });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)record.Text ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = (record.Payload ?? []).ToJsonString(), NpgsqlDbType = NpgsqlDbType.Jsonb });
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task DeleteCoreAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"DELETE FROM \"{_table}\" WHERE id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task DeleteByFilterCoreAsync(PayloadFilter filter, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand();
        command.CommandText = $"DELETE FROM \"{_table}\" WHERE {PgFilterSql.Build(filter, command)}";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<SearchHit>> DenseSearchAsync(float[] query, int limit, SearchRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var efSearch = Math.Max(request.EfSearch ?? _options.EfSearch, limit);
        var settings = $"SET LOCAL hnsw.ef_search = {efSearch.ToString(CultureInfo.InvariantCulture)}";
        if (_iterativeScan && request.Filter is not null)
        {
            // pgvector ≥ 0.8: keep scanning the graph until enough rows pass the filter, in exact distance order.
            settings += "; SET LOCAL hnsw.iterative_scan = strict_order";
        }

        await using (var set = new NpgsqlCommand(settings, connection, transaction))
        {
            await set.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        var where = PgFilterSql.Build(request.Filter, command);
        command.CommandText =
            $"SELECT id, text, payload::text, 1 - (embedding <=> @query) AS score FROM \"{_table}\" " +
            $"WHERE {where} ORDER BY embedding <=> @query LIMIT @limit";
        command.Parameters.AddWithValue("query", new Vector(query));
        command.Parameters.AddWithValue("limit", limit);
        var hits = await ReadHitsAsync(command, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return hits;
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<SearchHit>> LexicalSearchAsync(string queryText, int limit, PayloadFilter? filter, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand();
        var where = PgFilterSql.Build(filter, command);

        // plainto_tsquery AND-s the terms; BM25-style retrieval wants any term to match, so the operators become OR.
        command.CommandText =
            $"SELECT id, text, payload::text, ts_rank_cd(tsv, q) AS score FROM \"{_table}\", " +
            "(SELECT replace(plainto_tsquery('english', @text)::text, '&', '|')::tsquery AS q) AS query " +
            $"WHERE tsv @@ q AND {where} ORDER BY score DESC, id LIMIT @limit";
        command.Parameters.AddWithValue("text", queryText);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadHitsAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<SearchHit>> ReadHitsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var text = reader.IsDBNull(1) ? null : reader.GetString(1);
            var payload = JsonNode.Parse(reader.GetString(2)) as JsonObject ?? [];
            hits.Add(new SearchHit(reader.GetString(0), Convert.ToDouble(reader.GetValue(3), CultureInfo.InvariantCulture), text, payload));
        }

        return hits;
    }
}
