using Designer.Runtime.Evaluations;
using Designer.Runtime.Rollouts;
using Microsoft.Extensions.Options;

namespace Designer.Web.Rollouts;

/// <summary>
/// Runs mirrored live inputs through the shadow candidate with <see cref="ShadowRunner"/> (no run row, no inbox
/// task, no side effects) and stores each result; the guard service compares it with the live run once that
/// finishes. Runs off the request path, so the live run's latency does not change.
/// </summary>
internal sealed class LiveShadowWorker(LiveShadowQueue queue, ShadowRunner shadow, IWorkflowStore workflows, IRolloutStore rollouts, IOptions<RolloutOptions> options, ILogger<LiveShadowWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunGuards)
        {
            return;
        }

        await foreach (var item in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await MirrorAsync(item, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Mirroring run {RunId} to shadow rollout {RolloutId} failed.", item.RunId, item.Rollout.Id);
            }
        }
    }

    private async Task MirrorAsync(LiveShadowItem item, CancellationToken cancellationToken)
    {
        var version = await workflows.GetVersionAsync(item.Rollout.WorkflowId, item.Rollout.CandidateVersion, cancellationToken);
        if (version is null)
        {
            return;
        }

        var definition = Evaluations.EvaluationService.Parse(version.CanonicalJson);
        var result = await shadow.RunAsync(definition, version.ContentHash, Guid.NewGuid().ToString("D"), item.Input, cancellationToken);
        await rollouts.RecordShadowCaseAsync(
            new RolloutShadowCaseRecord(item.Rollout.Id, item.RunId, result.Outcome, result.EndNode, result.EscalatedTo, result.Degraded, result.LatencyMs, result.Cost),
            cancellationToken);
    }
}
