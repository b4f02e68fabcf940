using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Designer.Persistence.Storage;

/// <summary>Runs <see cref="DatabaseInitializer"/> on host start when <see cref="StorageOptions.MigrateOnStart"/> is set.</summary>
internal sealed class DatabaseInitializerHostedService : IHostedService
{
    private readonly DatabaseInitializer _initializer;
    private readonly IOptions<StorageOptions> _options;

    public DatabaseInitializerHostedService(DatabaseInitializer initializer, IOptions<StorageOptions> options)
    {
        _initializer = initializer;
        _options = options;
    }

    public Task StartAsync(CancellationToken cancellationToken) =>
        _options.Value.MigrateOnStart ? _initializer.InitializeAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
