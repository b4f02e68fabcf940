using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Designer.Persistence;

/// <summary>
/// Runs <see cref="RunPayloadRescan"/> in the background after start until it has finished once (issue 14); a failed
/// batch (database briefly away, a run written at the same moment) is retried at the next retention interval, and
/// the host never stops for it. Off with <c>Designer:Retention:RescanStoredPayloads=false</c>.
/// </summary>
public sealed partial class RunPayloadRescanService : BackgroundService
{
    private readonly RunPayloadRescan _rescan;
    private readonly TimeProvider _timeProvider;
    private readonly RetentionOptions _options;
    private readonly ILogger<RunPayloadRescanService> _logger;

    /// <summary>Creates the service.</summary>
    /// <param name="timeProvider">Clock of the retry timer.</param>
    /// <param name="options">Batch size, retry interval and the switch.</param>
    public RunPayloadRescanService(RunPayloadRescan rescan, TimeProvider timeProvider, IOptions<RetentionOptions> options, ILogger<RunPayloadRescanService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _rescan = rescan;
        _timeProvider = timeProvider;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.RescanStoredPayloads)
        {
            return;
        }

        await PeriodicSweep.RunAsync(_options.SweepInterval, _timeProvider, runAtStart: true, async token =>
        {
            var progress = await _rescan.RunAsync(_options.BatchSize, token);
            if (progress.Runs > 0)
            {
                LogFinished(progress.Runs, progress.Changed);
            }

            return true;
        }, LogFailed, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The PII re-scan of stored run payloads finished: {Runs} runs, {Changed} values tokenised.")]
    private partial void LogFinished(long runs, long changed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of the PII re-scan failed; it resumes after the last committed batch at the next interval.")]
    private partial void LogFailed(Exception exception);
}
