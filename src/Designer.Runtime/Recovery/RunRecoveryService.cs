using Designer.Runtime.Hosting;
using Designer.Runtime.Runs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Designer.Runtime.Recovery;

/// <summary>
/// Once the host has started (the silo is up), re-arms the SLA reminders of pending tasks and resumes runs left by
/// dead hosts, then sweeps again every
/// <see cref="RuntimeOptions.RecoverySweepInterval"/> so runs of a host that dies later are picked up by a live one.
/// </summary>
public sealed partial class RunRecoveryService : BackgroundService
{
    private readonly RunService _runs;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _time;
    private readonly RuntimeOptions _options;
    private readonly ILogger<RunRecoveryService> _logger;

    /// <summary>Creates the service.</summary>
    /// <param name="lifetime">Host lifetime (recovery waits for start-up to finish).</param>
    /// <param name="time">Clock for the sweep interval.</param>
    public RunRecoveryService(RunService runs, IHostApplicationLifetime lifetime, TimeProvider time, IOptions<RuntimeOptions> options, ILogger<RunRecoveryService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _runs = runs;
        _lifetime = lifetime;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (_lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        try
        {
            var armed = await _runs.ScheduleDeadlinesAsync(stoppingToken);
            LogArmed(armed);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogArmFailed(ex);
        }

        try
        {
            // Issue 16: compensations a cancelled run still owes after a stop between the cancel and its compensation.
            await _runs.CompensateCancelledAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogSweepFailed(ex);
        }

        using var timer = new PeriodicTimer(_options.RecoverySweepInterval, _time);
        do
        {
            try
            {
                var resumed = await _runs.RecoverOrphansAsync(stoppingToken);
                if (resumed > 0)
                {
                    LogResumed(resumed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resuming {Count} run(s) left by a host that is no longer alive.")]
    private partial void LogResumed(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Armed the SLA reminders of {Count} pending task(s).")]
    private partial void LogArmed(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Arming the SLA reminders of pending tasks failed.")]
    private partial void LogArmFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The recovery sweep failed; it runs again at the next interval.")]
    private partial void LogSweepFailed(Exception exception);
}
