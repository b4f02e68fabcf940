using System.Text.Json.Nodes;
using Designer.Runtime.Evaluations;
using Designer.Runtime.Rollouts;
using Microsoft.Extensions.Options;

namespace Designer.Web.Rollouts;

/// <summary>
/// Runs mirrored live runs through the shadow candidate with <see cref="ShadowRunner"/> (no run row, no inbox task,
/// no side effects) and stores each result; the guard service compares it with the live run once that finishes. Runs
/// off the request path, so the live run's latency does not change. The queue is a table: rows are leased, removed
/// only after their result is stored (at least once), and a repeat stores nothing new (one result per run), so a
/// crash or restart resumes where it stopped. The table is bounded: over <see cref="RolloutOptions.ShadowQueueCapacity"/>
/// the oldest rows are dropped and counted.
/// </summary>
internal sealed class LiveShadowWorker(
    LiveShadowQueue queue, ShadowRunner shadow, IWorkflowStore workflows, IRolloutStore rollouts, IRunStore runs, IServiceProvider services,
    IOptions<RolloutOptions> options, ILogger<LiveShadowWorker> logger) : BackgroundService
{
    private const int BatchSize = 20;
    private readonly string _owner = $"shadow:{Environment.MachineName}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.RunGuards)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DrainAsync(settings, stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The live shadow queue could not be read; retrying.");
            }

            await queue.WaitAsync(settings.ShadowPollInterval, stoppingToken);
        }
    }

    /// <summary>Trims, claims and processes one batch; returns how many mirrors it claimed.</summary>
    private async Task<int> DrainAsync(RolloutOptions settings, CancellationToken cancellationToken)
    {
        var dropped = await rollouts.TrimMirrorsAsync(settings.ShadowQueueCapacity, cancellationToken);
        if (dropped > 0)
        {
            queue.CountDropped(dropped);
            logger.LogWarning("The live shadow queue was over {Capacity}; dropped the {Dropped} oldest mirror(s) ({Total} in this process).",
                settings.ShadowQueueCapacity, dropped, queue.Dropped);
        }

        var claimed = await rollouts.ClaimMirrorsAsync(_owner, settings.ShadowLease, BatchSize, cancellationToken);
        foreach (var mirror in claimed)
        {
            try
            {
                await MirrorAsync(mirror, cancellationToken);
                await rollouts.CompleteMirrorAsync(mirror.Id, _owner, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (mirror.Attempts >= settings.ShadowMaxAttempts)
                {
                    // A mirror that keeps failing would be retried forever; one lost shadow sample is the lesser harm.
                    await rollouts.CompleteMirrorAsync(mirror.Id, _owner, cancellationToken);
                    queue.CountDropped(1);
                    logger.LogWarning(ex, "Mirroring run {RunId} to shadow rollout {RolloutId} failed {Attempts} times; dropped.", mirror.RunId, mirror.RolloutId, mirror.Attempts);
                }
                else
                {
                    logger.LogWarning(ex, "Mirroring run {RunId} to shadow rollout {RolloutId} failed; retried after the lease.", mirror.RunId, mirror.RolloutId);
                }
            }
        }

        return claimed.Count;
    }

    private async Task MirrorAsync(RolloutMirrorRecord mirror, CancellationToken cancellationToken)
    {
        var version = await workflows.GetVersionAsync(mirror.WorkflowId, mirror.CandidateVersion, cancellationToken);
        var run = await runs.GetRunAsync(mirror.RunId, cancellationToken);
        if (version is null || run is null)
        {
            // The version or the live run is gone (retention, deletion): nothing left to compare.
            return;
        }

        var vault = services.GetService<IRunVault>();
        var inputJson = vault is null ? run.InputJson : await vault.DetokenizeJsonAsync(run.Id, run.InputJson, cancellationToken);
        var input = JsonNode.Parse(inputJson) as JsonObject ?? [];
        var definition = Evaluations.EvaluationService.Parse(version.CanonicalJson);
        var result = await shadow.RunAsync(definition, version.ContentHash, Guid.NewGuid().ToString("D"), input, cancellationToken);
        await rollouts.RecordShadowCaseAsync(
            new RolloutShadowCaseRecord(mirror.RolloutId, mirror.RunId, result.Outcome, result.EndNode, result.EscalatedTo, result.Degraded, result.LatencyMs, result.Cost),
            cancellationToken);
    }
}
