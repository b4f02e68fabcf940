using Designer.Retrieval.Indexes;
using Designer.Retrieval.Lexical;
using Microsoft.Extensions.Logging;

namespace Designer.Retrieval.Embedded;

/// <summary>
/// The default, in-process index of one collection: HNSW over float32 (exact search below a size threshold), Lucene
/// BM25 for lexical search, persisted in its own folder as a snapshot plus a write-ahead log.
/// </summary>
/// <remarks>
/// Concurrency: searches run concurrently; writes are serialised, logged (fsync) before they are applied, and block
/// searches only while applied in memory. Durability: an acknowledged write is in the log; opening replays the log
/// over the last snapshot. The Lucene index is derived data, re-synchronised from the log (or rebuilt) on open.
/// </remarks>
public sealed partial class EmbeddedVectorIndex : VectorIndexBase, IDisposable
{
    private const string SnapshotName = "snapshot.bin";
    private const string LogName = "wal.log";
    private const string LexicalFolder = "lexical";

    private readonly string _folder;
    private readonly EmbeddedIndexOptions _options;
    private readonly ILogger _logger;
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Lock _writeGate = new();
    private readonly EmbeddedState _state;
    private readonly WriteAheadLog _log;
    private readonly LuceneLexicalIndex _lexical;
    private bool _disposed;

    private EmbeddedVectorIndex(string folder, string collection, int dimension, EmbeddedIndexOptions options, ILogger logger)
        : base(collection, dimension)
    {
        _folder = folder;
        _options = options;
        _logger = logger;
        Directory.CreateDirectory(folder);
        _state = SnapshotFile.Read(Path.Combine(folder, SnapshotName), dimension, options.Hnsw, options.BuildParallelism)
            ?? new EmbeddedState(new HnswGraph(dimension, options.Hnsw), options.BuildParallelism);
        var snapshotSequence = _state.Sequence;
        _log = WriteAheadLog.Open(Path.Combine(folder, LogName), logger, out var entries);
        var replay = entries.Where(e => e.Sequence > snapshotSequence).ToList();
        foreach (var entry in replay)
        {
            _state.Apply(entry);
        }

        _lexical = new LuceneLexicalIndex(Path.Combine(folder, LexicalFolder));
        SynchroniseLexical(snapshotSequence, replay);
    }

    /// <summary>Opens (or creates) the index stored in <paramref name="folder"/>.</summary>
    /// <param name="folder">The collection's folder; created if missing.</param>
    /// <param name="collection">The collection name.</param>
    /// <param name="dimension">The vector dimension.</param>
    /// <param name="options">Tuning, or <see langword="null"/> for defaults.</param>
    /// <param name="logger">Receives warnings such as an ignored corrupt log tail.</param>
    /// <returns>The open index; dispose it to snapshot and release files.</returns>
    public static EmbeddedVectorIndex Open(string folder, string collection, int dimension, EmbeddedIndexOptions? options = null, ILogger? logger = null)
    {
        options ??= new EmbeddedIndexOptions();
        options.Validate();
        return new EmbeddedVectorIndex(folder, collection, dimension, options, logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
    }

    /// <summary>Live records; tombstones excluded.</summary>
    public int LiveCount
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _state.LiveCount;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <inheritdoc />
    public override Task<long> CountAsync(CancellationToken cancellationToken = default) => Task.FromResult((long)LiveCount);

    /// <summary>Writes a snapshot now and empties the log.</summary>
    public void Snapshot()
    {
        lock (_writeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            SnapshotLocked();
        }
    }

    /// <summary>Rebuilds the graph without tombstones, then snapshots.</summary>
    public void Compact()
    {
        lock (_writeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            CompactLocked();
        }
    }

    /// <summary>Snapshots (unless <see cref="EmbeddedIndexOptions.SnapshotOnDispose"/> is off) and releases files.</summary>
    public void Dispose()
    {
        lock (_writeGate)
        {
            if (_disposed)
            {
                return;
            }

            if (_options.SnapshotOnDispose)
            {
                SnapshotLocked();
            }

            _disposed = true;
            _log.Dispose();
            _lexical.Dispose();
        }

        _lock.Dispose();
    }

    /// <inheritdoc />
    protected override Task UpsertCoreAsync(IReadOnlyList<VectorRecord> records, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(new WalEntry(0, records, null));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override Task DeleteCoreAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(new WalEntry(0, null, ids));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override Task DeleteByFilterCoreAsync(PayloadFilter filter, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            // Resolved to ids inside the write gate, so no write slips in between; the log records plain ids.
            List<string> ids;
            _lock.EnterReadLock();
            try
            {
                ids = [.. _state.Slots.Where(s => s is not null && PayloadFilterEvaluator.Matches(filter, s.Payload)).Select(s => s!.Id)];
            }
            finally
            {
                _lock.ExitReadLock();
            }

            if (ids.Count > 0)
            {
                WriteLocked(new WalEntry(0, null, ids));
            }
        }

        return Task.CompletedTask;
    }

    private void Write(WalEntry entry)
    {
        lock (_writeGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            WriteLocked(entry);
        }
    }

    private void WriteLocked(WalEntry entry)
    {
        entry = entry with { Sequence = _state.Sequence + 1 };
        _log.Append(entry);
        _lock.EnterWriteLock();
        try
        {
            _state.Apply(entry);
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        ApplyLexical(entry);
        var graph = _state.Graph;
        if (graph.DeletedCount >= 64 && graph.DeletedCount > graph.Count * _options.CompactionTombstoneFraction)
        {
            CompactLocked();
        }
        else if (_log.Length > _options.SnapshotAfterLogBytes)
        {
            SnapshotLocked();
        }
    }

    private void ApplyLexical(WalEntry entry)
    {
        if (entry.Upserts is { } upserts)
        {
            _lexical.Upsert(upserts);
        }

        if (entry.Deletes is { } deletes)
        {
            _lexical.Delete(deletes);
        }
    }

    private void SnapshotLocked()
    {
        _lock.EnterReadLock();
        try
        {
            SnapshotFile.Write(Path.Combine(_folder, SnapshotName), _state);
        }
        finally
        {
            _lock.ExitReadLock();
        }

        // Order matters: snapshot renamed, then Lucene committed, then the log emptied. A crash in between leaves
        // a log whose entries the snapshot already covers (skipped by sequence) or a stale Lucene commit (rebuilt).
        _lexical.Commit(_state.Sequence);
        _log.Reset();
    }

    private void CompactLocked()
    {
        _lock.EnterWriteLock();
        try
        {
            _state.Compact(_options.Hnsw);
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        SnapshotLocked();
    }

    private void SynchroniseLexical(long snapshotSequence, List<WalEntry> replay)
    {
        var committed = _lexical.CommittedSequence;
        if (committed == _state.Sequence && replay.Count == 0)
        {
            return;
        }

        if (committed == snapshotSequence)
        {
            // Upserts and deletes by id are idempotent, so replaying entries Lucene may already hold is safe.
            foreach (var entry in replay)
            {
                ApplyLexical(entry);
            }
        }
        else
        {
            _logger.LogWarning("Lexical index of {Collection} is at sequence {Committed}, the snapshot at {Snapshot}: rebuilding it.", Collection, committed, snapshotSequence);
            _lexical.Clear();
            _lexical.Upsert(_state.LiveRecords());
        }

        _lexical.Commit(_state.Sequence);
    }
}
