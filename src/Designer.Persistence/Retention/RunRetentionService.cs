using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Designer.Persistence;

/// <summary>Runs <see cref="RunRetention"/> every <see cref="RetentionOptions.SweepInterval"/> when a period is set.</summary>
internal sealed partial class RunRetentionService : BackgroundService
{
    private readonly RunRetention _retention;
    private readonly TimeProvider _timeProvider;
    private readonly RetentionOptions _options;
    private readonly ILogger<RunRetentionService> _logger;

    public RunRetentionService(RunRetention retention, TimeProvider timeProvider, IOptions<RetentionOptions> options, ILogger<RunRetentionService> logger)
    {
        _retention = retention;
        _timeProvider = timeProvider;
        _options = options.Value;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.RunPayloadDays <= 0)
        {
            return;
        }

        // A failed sweep (database briefly away) is retried at the next tick; it never stops the host.
        await PeriodicSweep.RunAsync(_options.SweepInterval, _timeProvider, runAtStart: true, async token =>
        {
            var purge = await _retention.PurgeAsync(token);
            if (purge.Runs > 0)
            {
                LogPurged(purge.Runs, purge.VaultEntries);
            }

            return false;
        }, LogFailed, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purged the payloads of {Runs} runs ({VaultEntries} vault entries shredded).")]
    private partial void LogPurged(int runs, int vaultEntries);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention sweep failed; retrying at the next interval.")]
    private partial void LogFailed(Exception exception);
}
