using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Runtime.Runs;
using Microsoft.Extensions.Options;

namespace Designer.Web.Batches;

/// <summary>
/// Starts the rows of stored batches as runs, as the uploading user, oldest batch first: at most
/// <see cref="BatchOptions.MaxInFlightPerBatch"/> runs of a batch execute at once, and while the run queue is full
/// (<see cref="RunExecutionHost.IsSaturated"/>) it waits instead of failing rows. Each row's run id is recorded before
/// its start; after a restart a row with an id either has its run (marked, not started again) or is started under that
/// same id, so no row ever gets two runs.
/// </summary>
internal sealed partial class BatchWorker(
    IBatchStore store, IRunStore runs, RunService runService, RunExecutionHost host, BatchSignal signal, IOptions<BatchOptions> options,
    TimeProvider time, ILogger<BatchWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunWorker)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var started = 0;
            try
            {
                foreach (var batch in await store.ListUndispatchedAsync(stoppingToken))
                {
                    started += await DispatchAsync(batch, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be migrating or briefly unavailable; every row keeps its state, so look again later.
                LogPassFailed(logger, ex);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (started > 0)
            {
                continue;
            }

            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Starts what the batch's throttle allows now; returns how many rows it started or refused.</summary>
    private async Task<int> DispatchAsync(BatchRecord batch, CancellationToken cancellationToken)
    {
        if (host.IsSaturated)
        {
            return 0;
        }

        var free = options.Value.MaxInFlightPerBatch - await store.CountRunningAsync(batch.Id, cancellationToken);
        if (free <= 0)
        {
            return 0;
        }

        var rows = await store.NextPendingAsync(batch.Id, free, cancellationToken);
        if (rows.Count == 0)
        {
            await store.TryMarkDispatchedAsync(batch.Id, cancellationToken);
            return 0;
        }

        var done = 0;
        foreach (var row in rows)
        {
            if (host.IsSaturated)
            {
                break;
            }

            await StartRowAsync(batch, row, cancellationToken);
            done++;
        }

        return done;
    }

    private async Task StartRowAsync(BatchRecord batch, PendingBatchRow row, CancellationToken cancellationToken)
    {
        var runId = row.RunId ?? await store.AssignRunAsync(batch.Id, row.Line, Guid.CreateVersion7(time.GetUtcNow()), cancellationToken);
        if (await runs.GetRunAsync(runId, cancellationToken) is not null)
        {
            // Started before a restart (or by another host) under the recorded id: only the mark was missing.
            await store.MarkStartedAsync(batch.Id, row.Line, null, cancellationToken);
            return;
        }

        JsonObject input;
        try
        {
            input = JsonNode.Parse(row.InputJson) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            input = [];
        }

        var actor = new Actor(batch.CreatedById, batch.CreatedByName);
        var startOptions = new RunStartOptions(RunKey: $"batch:{batch.Id:N}:{row.Line}", ValidateInput: true, RunId: runId, Trigger: RunTriggers.Batch);
        var result = await runService.StartAsync(batch.WorkflowId, input, actor, startOptions, cancellationToken);
        var error = result.Error?.Kind switch
        {
            null => null,
            OperationErrorKind.Invalid => "The input does not match the start schema of the version that ran: " + RunStartErrors.JoinProblems(result.Error),
            OperationErrorKind.Unprocessable => "The version cannot run: " + RunStartErrors.JoinProblems(result.Error),
            OperationErrorKind.InvalidState => "The workflow has no active version.",
            OperationErrorKind.NotFound => "The workflow no longer exists.",
            _ => "The run was not started.",
        };
        await store.MarkStartedAsync(batch.Id, row.Line, error, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch pass failed; rows stay pending and are retried")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
