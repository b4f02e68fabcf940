using Designer.Persistence;
using Designer.Retrieval.Embeddings;
using Designer.Retrieval.Indexes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Designer.Retrieval.Collections;

/// <summary>
/// Runs collection jobs one at a time, oldest first. Jobs are rows in the database, so a job interrupted by a stop
/// or a crash is still <c>Running</c> there and is picked up again on the next start: ingestion continues with the
/// documents still pending (upserts by chunk id are idempotent), re-embedding after its stored cursor.
/// </summary>
public sealed partial class CollectionJobWorker : BackgroundService
{
    private readonly ICollectionStore _store;
    private readonly IEmbeddingModelCatalog _catalog;
    private readonly VectorIndexBackends _backends;
    private readonly CollectionJobQueue _queue;
    private readonly RetrievalOptions _options;
    private readonly ILogger<CollectionJobWorker> _logger;

    /// <summary>Creates the worker.</summary>
    /// <param name="store">Collection storage.</param>
    /// <param name="queue">Wake-ups and cancellation.</param>
    /// <param name="options">Batch size and poll interval.</param>
    public CollectionJobWorker(
        ICollectionStore store, IEmbeddingModelCatalog catalog, VectorIndexBackends backends, CollectionJobQueue queue,
        IOptions<RetrievalOptions> options, ILogger<CollectionJobWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _catalog = catalog;
        _backends = backends;
        _queue = queue;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.RunJobs)
        {
            return;
        }

        while (await _queue.NextAsync(_store.NextUnfinishedJobAsync, _options.JobPollInterval, ex => LogPollFailed(_logger, ex), stoppingToken) is { } job)
        {
            try
            {
                await RunAsync(job, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Issue 14 item 7: recording the outcome failed too (the database away); an escaping exception would stop
                // the host. The job stays unfinished and is picked up again after the poll interval.
                LogRecordFailed(_logger, ex, job.Id);
                if (!await WaitAfterFailureAsync(stoppingToken))
                {
                    return;
                }
            }
        }
    }

    private async Task<bool> WaitAfterFailureAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _queue.WaitAsync(_options.JobPollInterval, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task RunAsync(CollectionJobRecord job, CancellationToken stoppingToken)
    {
        using var source = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        _queue.SetRunning(job.Id, source);
        try
        {
            var collection = await _store.GetByIdAsync(job.CollectionId, stoppingToken);
            if (collection is null)
            {
                return;
            }

            LogStarting(_logger, job.Kind, job.Id, collection.Name);
            var finished = job.Kind == CollectionJobKind.Reembed
                ? await ReembedAsync(job, collection, source.Token)
                : await IngestAsync(job, collection, source.Token);
            await FinishAsync(job, collection, finished ? CollectionJobStatus.Succeeded : CollectionJobStatus.Cancelled, null, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the job stays Running in the database and resumes on the next start.
        }
        catch (OperationCanceledException)
        {
            await FinishCancelledAsync(job, stoppingToken);
        }
        catch (Exception ex)
        {
            LogFailed(_logger, ex, job.Id);
            await FinishFailedAsync(job, ex.Message, stoppingToken);
        }
        finally
        {
            _queue.ClearRunning();
        }
    }

    private async Task<bool> IngestAsync(CollectionJobRecord job, CollectionRecord collection, CancellationToken cancellationToken)
    {
        var handle = await _catalog.GetAsync(collection.EmbeddingModel, collection.EmbeddingVersion, cancellationToken);
        var index = await _backends.Get(collection.Backend).CreateAsync(collection.IndexName, collection.Dimensions, cancellationToken: cancellationToken);
        var pending = await _store.CountPendingAsync(job.Id, cancellationToken);
        var done = Math.Max(0, job.Total - pending);
        await _store.StartJobAsync(job.Id, job.Total, done, cancellationToken);
        while (true)
        {
            var documents = await _store.PendingDocumentsAsync(job.Id, _options.IngestBatchSize, cancellationToken);
            if (documents.Count == 0)
            {
                return true;
            }

            var (records, counts) = await ChunkRecords.BuildAsync(documents, collection, handle.Generator, cancellationToken);
            await index.UpsertAsync(records, cancellationToken);
            await DeleteStaleChunksAsync(index, documents, counts, cancellationToken);
            await _store.MarkIndexedAsync(collection.Id, counts, cancellationToken);
            done += documents.Count;
            if (await _store.ReportProgressAsync(job.Id, done, null, cancellationToken))
            {
                return false;
            }
        }
    }

    private async Task<bool> ReembedAsync(CollectionJobRecord job, CollectionRecord collection, CancellationToken cancellationToken)
    {
        if (collection.PendingIndexName is not { } target || collection.PendingEmbeddingVersion is not { } version)
        {
            throw new InvalidOperationException($"Collection '{collection.Name}' has no pending re-embedding.");
        }

        var handle = await _catalog.GetAsync(collection.PendingEmbeddingModel ?? collection.EmbeddingModel, version, cancellationToken);
        var index = await _backends.Get(collection.Backend).CreateAsync(target, handle.Dimensions, cancellationToken: cancellationToken);
        var cursor = job.Cursor;
        var done = job.Done;
        var total = done + await _store.CountDocumentsAsync(collection.Id, cursor, cancellationToken);
        await _store.StartJobAsync(job.Id, total, done, cancellationToken);
        while (true)
        {
            var documents = await _store.DocumentsAfterAsync(collection.Id, cursor, _options.IngestBatchSize, cancellationToken);
            if (documents.Count == 0)
            {
                return true;
            }

            var (records, _) = await ChunkRecords.BuildAsync(documents, collection, handle.Generator, cancellationToken);
            await index.UpsertAsync(records, cancellationToken);
            cursor = documents[^1].DocumentId;
            done += documents.Count;
            if (await _store.ReportProgressAsync(job.Id, done, cursor, cancellationToken))
            {
                return false;
            }
        }
    }

    /// <summary>A replaced document that now has fewer chunks leaves its old tail behind unless deleted.</summary>
    private static Task DeleteStaleChunksAsync(
        IVectorIndex index, IReadOnlyList<CollectionDocumentRecord> documents, Dictionary<string, int> counts, CancellationToken cancellationToken)
    {
        var stale = documents
            .Where(d => d.ChunkCount > counts[d.DocumentId])
            .SelectMany(d => Enumerable.Range(counts[d.DocumentId], d.ChunkCount - counts[d.DocumentId]).Select(i => ChunkRecords.Id(d.DocumentId, i)))
            .ToList();
        return index.DeleteAsync(stale, cancellationToken);
    }

    private async Task FinishAsync(CollectionJobRecord job, CollectionRecord collection, CollectionJobStatus status, string? error, CancellationToken cancellationToken)
    {
        if (job.Kind == CollectionJobKind.Reembed)
        {
            var provider = _backends.Get(collection.Backend);
            var unused = status == CollectionJobStatus.Succeeded
                ? await _store.CompleteReembedAsync(collection.Id, cancellationToken)
                : await _store.AbandonReembedAsync(collection.Id, cancellationToken);
            if (unused is not null)
            {
                await provider.DropAsync(unused, cancellationToken);
            }
        }

        await _store.FinishJobAsync(job.Id, status, error, cancellationToken);
        LogFinished(_logger, job.Id, status);
    }

    private async Task FinishCancelledAsync(CollectionJobRecord job, CancellationToken cancellationToken)
    {
        if (await _store.GetByIdAsync(job.CollectionId, cancellationToken) is { } collection)
        {
            await FinishAsync(job, collection, CollectionJobStatus.Cancelled, null, cancellationToken);
        }
    }

    private async Task FinishFailedAsync(CollectionJobRecord job, string error, CancellationToken cancellationToken)
    {
        if (await _store.GetByIdAsync(job.CollectionId, cancellationToken) is { } collection)
        {
            await FinishAsync(job, collection, CollectionJobStatus.Failed, error, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Collection job {JobId} failed and its outcome could not be recorded; retrying after the poll interval")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting {Kind} job {JobId} of collection {Collection}")]
    private static partial void LogStarting(ILogger logger, CollectionJobKind kind, Guid jobId, string collection);

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection job {JobId} ended: {Status}")]
    private static partial void LogFinished(ILogger logger, Guid jobId, CollectionJobStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Collection job {JobId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for collection jobs failed; retrying after the poll interval")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
