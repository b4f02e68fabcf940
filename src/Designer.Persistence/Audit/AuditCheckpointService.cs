using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Designer.Persistence;

/// <summary>
/// Every <see cref="AuditOptions.CheckpointInterval"/>, signs the chain head and appends it to the checkpoint file and
/// the log when the head moved: copies of the head outside the database, which is what makes a cut-off tail visible.
/// </summary>
internal sealed partial class AuditCheckpointService : BackgroundService
{
    private readonly AuditCheckpoints _checkpoints;
    private readonly TimeProvider _timeProvider;
    private readonly AuditOptions _options;
    private readonly string _file;
    private readonly ILogger<AuditCheckpointService> _logger;
    private long _lastSequence = -1;

    public AuditCheckpointService(
        AuditCheckpoints checkpoints,
        TimeProvider timeProvider,
        IOptions<AuditOptions> options,
        IConfiguration configuration,
        IHostEnvironment environment,
        ILogger<AuditCheckpointService> logger)
    {
        _checkpoints = checkpoints;
        _timeProvider = timeProvider;
        _options = options.Value;
        _file = Designer.Hosting.DataDirectory.Resolve(configuration[Designer.Hosting.DataDirectory.ConfigurationKey], environment.ContentRootPath, _options.CheckpointFile);
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.CheckpointInterval == TimeSpan.Zero)
        {
            return;
        }

        // The database or disk briefly away: the next tick tries again; anchoring never stops the host.
        await PeriodicSweep.RunAsync(_options.CheckpointInterval, _timeProvider, runAtStart: false, async token =>
        {
            await WriteAsync(token);
            return false;
        }, LogFailed, stoppingToken);
    }

    internal async Task WriteAsync(CancellationToken cancellationToken)
    {
        var checkpoint = await _checkpoints.CreateAsync(cancellationToken);
        if (checkpoint.Sequence == _lastSequence)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
        await File.AppendAllTextAsync(_file, JsonSerializer.Serialize(checkpoint, JsonSerializerOptions.Web) + "\n", cancellationToken);
        _lastSequence = checkpoint.Sequence;
        LogCheckpoint(checkpoint.Sequence, checkpoint.Hash, checkpoint.SignedAt, checkpoint.KeyId, checkpoint.Signature);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit checkpoint: entry {Sequence} hash {Hash} signed at {SignedAt} with key {KeyId}: {Signature}")]
    private partial void LogCheckpoint(long sequence, string hash, DateTimeOffset signedAt, string keyId, string signature);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit checkpoint failed; retrying at the next interval.")]
    private partial void LogFailed(Exception exception);
}
