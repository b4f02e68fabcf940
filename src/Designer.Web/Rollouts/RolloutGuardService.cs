using Microsoft.Extensions.Options;

namespace Designer.Web.Rollouts;

/// <summary>Runs <see cref="RolloutMonitor.CheckAllAsync"/> every <see cref="RolloutOptions.GuardInterval"/> on the injected clock.</summary>
internal sealed class RolloutGuardService(RolloutMonitor monitor, IOptions<RolloutOptions> options, TimeProvider time, ILogger<RolloutGuardService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunGuards)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.GuardInterval, time);
        do
        {
            try
            {
                await monitor.CheckAllAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick retries; a transient database error must not stop the guards for good.
                logger.LogError(ex, "Checking rollout guards failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
