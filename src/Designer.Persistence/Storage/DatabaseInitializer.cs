using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Designer.Persistence;

/// <summary>Brings the database schema up to date.</summary>
public sealed partial class DatabaseInitializer
{
    private readonly IDbContextFactory<DesignerDbContext> _contextFactory;
    private readonly ILogger<DatabaseInitializer> _logger;

    /// <summary>Creates the initializer.</summary>
    /// <param name="contextFactory">Creates contexts of the configured provider.</param>
    /// <param name="logger">Logs applied migrations.</param>
    public DatabaseInitializer(IDbContextFactory<DesignerDbContext> contextFactory, ILogger<DatabaseInitializer> logger)
    {
        _contextFactory = contextFactory;
        _logger = logger;
    }

    /// <summary>Applies pending migrations of the configured provider (creating the database if needed). Safe to run from several processes: EF Core takes a migration lock.</summary>
    /// <returns>A task that completes when the schema is current.</returns>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        LogMigrated(_logger, db.Database.ProviderName, pending.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ({Provider}) is up to date; {Count} migration(s) applied.")]
    private static partial void LogMigrated(ILogger logger, string? provider, int count);
}
