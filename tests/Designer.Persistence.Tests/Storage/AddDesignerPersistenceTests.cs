using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Designer.Persistence.Tests.Storage;

public sealed class AddDesignerPersistenceTests : IDisposable
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("designer-host-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void StorageOptions_NoConfiguration_DefaultsToSqliteFileUnderDataFolder()
    {
        // Arrange
        using var host = BuildHost([]);

        // Act
        var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;

        // Assert
        Assert.Equal(StorageOptions.Sqlite, options.Provider);
        Assert.True(options.MigrateOnStart);
        Assert.Equal(Path.Combine(_contentRoot, "data", "designer.db"), new SqliteConnectionStringBuilder(options.ConnectionString).DataSource);
    }

    [Fact]
    public void StorageOptions_DataDirectoryConfigured_UsesItRelativeToContentRoot()
    {
        // Arrange
        using var host = BuildHost(new() { ["Designer:DataDirectory"] = "state/db" });

        // Act
        var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;

        // Assert
        Assert.Equal(Path.Combine(_contentRoot, "state", "db", "designer.db"), new SqliteConnectionStringBuilder(options.ConnectionString).DataSource);
    }

    [Fact]
    public async Task StartAsync_UnknownProvider_FailsWithClearMessage()
    {
        // Arrange
        using var host = BuildHost(new() { ["Designer:Storage:Provider"] = "Oracle" });

        // Act
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        // Assert
        Assert.Contains("Designer:Storage:Provider is 'Oracle'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_PostgreSqlWithoutConnectionString_FailsWithClearMessage()
    {
        // Arrange
        using var host = BuildHost(new() { ["Designer:Storage:Provider"] = "postgresql" });

        // Act
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        // Assert
        Assert.Contains("Designer:Storage:ConnectionString is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_DefaultSqlite_CreatesDataFolderAndMigrates()
    {
        // Arrange
        using var host = BuildHost([]);

        // Act
        await host.StartAsync(Ct);

        // Assert
        var factory = host.Services.GetRequiredService<IDbContextFactory<DesignerDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        Assert.IsType<SqliteDesignerDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.True(File.Exists(Path.Combine(_contentRoot, "data", "designer.db")));
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task StartAsync_MigrateOnStartFalse_LeavesDatabaseUnmigrated()
    {
        // Arrange
        using var host = BuildHost(new() { ["Designer:Storage:MigrateOnStart"] = "false" });

        // Act
        await host.StartAsync(Ct);

        // Assert
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<DesignerDbContext>>().CreateDbContextAsync(Ct);
        Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync(Ct));
        await host.StopAsync(Ct);
    }

    [Fact]
    public void AddDesignerPersistence_TimeProviderRegisteredFirst_KeepsIt()
    {
        // Arrange
        var custom = new FixedTimeProvider();

        // Act
        using var host = BuildHost([], services => services.AddSingleton<TimeProvider>(custom));

        // Assert
        Assert.Same(custom, host.Services.GetRequiredService<TimeProvider>());
        using var scope = host.Services.CreateScope();
        Assert.IsType<SqliteDesignerDbContext>(scope.ServiceProvider.GetRequiredService<DesignerDbContext>());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_contentRoot, recursive: true);
    }

    private IHost BuildHost(Dictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _contentRoot });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        before?.Invoke(builder.Services);
        builder.AddDesignerPersistence();
        return builder.Build();
    }

    private sealed class FixedTimeProvider : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    }
}
