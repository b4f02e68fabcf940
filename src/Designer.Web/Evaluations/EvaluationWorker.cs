using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Runtime.Evaluations;
using Microsoft.Extensions.Options;

namespace Designer.Web.Evaluations;

/// <summary>
/// Works through evaluation jobs one at a time, oldest first. Each finished case is stored (both sides' results)
/// in one transaction before the next starts, so a job interrupted by a stop or a kill resumes on the next start with
/// the cases that have no stored result — a finished case is never run again. A cancel stops after the case in hand.
/// </summary>
internal sealed partial class EvaluationWorker(
    IEvaluationStore store, ShadowRunner shadow, EvaluationSignal signal, IOptions<EvaluationOptions> options, TimeProvider time,
    ILogger<EvaluationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunJobs)
        {
            return;
        }

        while (await signal.NextAsync(store.NextUnfinishedEvaluationAsync, options.Value.PollInterval, ex => LogPollFailed(logger, ex), stoppingToken) is { } job)
        {
            await RunAsync(job, stoppingToken);
        }
    }

    private async Task RunAsync(EvaluationRecord job, CancellationToken stoppingToken)
    {
        using var source = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        signal.SetRunning(job.Id, source);
        try
        {
            // A cancel that arrived while no host was working on it ends the job without another case.
            if (job.CancelRequested)
            {
                await store.FinishEvaluationAsync(job.Id, EvaluationStatus.Cancelled, null, stoppingToken);
                return;
            }

            await store.MarkEvaluationRunningAsync(job.Id, stoppingToken);
            LogStarting(logger, job.Id, job.Done, job.Total);
            var finished = await WorkAsync(job, source.Token);
            await store.FinishEvaluationAsync(job.Id, finished ? EvaluationStatus.Succeeded : EvaluationStatus.Cancelled, null, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the job stays Running in the database and resumes on the next start.
        }
        catch (OperationCanceledException)
        {
            await store.FinishEvaluationAsync(job.Id, EvaluationStatus.Cancelled, null, stoppingToken);
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, job.Id);
            await store.FinishEvaluationAsync(job.Id, EvaluationStatus.Failed, ex.Message, stoppingToken);
        }
        finally
        {
            signal.ClearRunning(job.Id);
        }
    }

    private async Task<bool> WorkAsync(EvaluationRecord job, CancellationToken cancellationToken)
    {
        var candidate = EvaluationService.Parse(job.CandidateJson);
        var baseline = job.BaselineJson is null ? null : EvaluationService.Parse(job.BaselineJson);
        var done = (await store.ListCaseResultsAsync(job.Id, cancellationToken)).Select(r => r.CaseNumber).ToHashSet();
        var cases = await store.ListCasesAsync(job.DatasetId, cancellationToken);
        foreach (var @case in cases)
        {
            if (done.Contains(@case.Number))
            {
                continue;
            }

            var started = time.GetTimestamp();
            var input = JsonNode.Parse(@case.InputJson) as JsonObject ?? [];
            string? baselineJson = null;
            if (baseline is not null)
            {
                var b = await shadow.RunAsync(baseline, job.BaselineHash!, Guid.CreateVersion7(time.GetUtcNow()).ToString(), input, cancellationToken);
                baselineJson = JsonSerializer.Serialize(b, ShadowJson.Options);
            }

            var c = await shadow.RunAsync(candidate, job.CandidateHash, Guid.CreateVersion7(time.GetUtcNow()).ToString(), input, cancellationToken);
            var candidateJson = JsonSerializer.Serialize(c, ShadowJson.Options);

            // Stored even when a cancel arrives meanwhile: the work is done, and the next case is not started.
            var cancel = await store.RecordCaseAsync(
                job.Id, new EvaluationCaseRecord(@case.Number, baselineJson, candidateJson), time.GetElapsedTime(started).TotalSeconds, CancellationToken.None);
            if (cancel)
            {
                return false;
            }
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for evaluation jobs failed; retrying after the poll interval.")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Evaluation {Id} starts with {Done} of {Total} cases already done.")]
    private static partial void LogStarting(ILogger logger, Guid id, int done, int total);

    [LoggerMessage(Level = LogLevel.Error, Message = "Evaluation {Id} failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid id);
}
