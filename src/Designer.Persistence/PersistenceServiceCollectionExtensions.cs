using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Designer.Persistence.Identity;
using Designer.Persistence.Storage;

namespace Designer.Persistence;

/// <summary>Registers Designer's persistence layer.</summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> from <c>Designer:Storage</c> (validated on start) and registers
    /// <see cref="IDbContextFactory{DesignerDbContext}"/> (pooled, for the configured provider), a scoped
    /// <see cref="DesignerDbContext"/> (for ASP.NET Core Identity's EF stores), <see cref="IWorkflowStore"/>, <see cref="IRunStore"/>, <see cref="ICollectionStore"/>,
    /// <see cref="IAuditLog"/>, <see cref="DatabaseInitializer"/>, a hosted service that migrates on start, pins
    /// <c>IdentityOptions.Stores.SchemaVersion</c> to version 3 (the schema in the migrations), <see cref="RetentionOptions"/>
    /// from <c>Designer:Retention</c> with the <see cref="RunRetention"/> purge (hosted), <see cref="AuditOptions"/> from
    /// <c>Designer:Audit</c> with <see cref="AuditCheckpoints"/> and the periodic checkpoint (hosted), and
    /// <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is already registered.
    /// </summary>
    /// <returns>The same builder.</returns>
    public static IHostApplicationBuilder AddDesignerPersistence(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddDesignerStorage(builder);
        var services = builder.Services;

        // Issue 14: payloads of finished runs are purged after Designer:Retention:RunPayloadDays (0 = never).
        services.AddOptions<RetentionOptions>().Bind(builder.Configuration.GetSection(RetentionOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>());
        services.TryAddSingleton<RunRetention>();
        services.AddHostedService<RunRetentionService>();

        // Issue 14: signed checkpoints of the audit head, exported or written outside the database, detect truncation.
        services.AddOptions<AuditOptions>().Bind(builder.Configuration.GetSection(AuditOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>());
        services.TryAddSingleton<AuditCheckpointSigner>();
        services.TryAddSingleton<AuditCheckpoints>();
        services.AddHostedService<AuditCheckpointService>();
        return builder;
    }

    /// <summary>
    /// The database alone (issue 14, for the inference host): <see cref="StorageOptions"/>, the context factories, the
    /// stores, <see cref="IAuditLog"/> and the migration on start — without the background jobs of
    /// <see cref="AddDesignerPersistence"/> (run retention, audit checkpoints), which the web hosts run.
    /// </summary>
    /// <returns>The same builder.</returns>
    public static IHostApplicationBuilder AddDesignerStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.SectionName))
            .PostConfigure<IConfiguration, IHostEnvironment>((options, configuration, environment) =>
            {
                if (options.IsSqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    options.ConnectionString = StorageConnection.DefaultSqlite(configuration[Designer.Hosting.DataDirectory.ConfigurationKey], environment.ContentRootPath);
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        services.AddPooledDbContextFactory<SqliteDesignerDbContext>((provider, options) =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            ConfigureSqlite(options, storage);
        });
        services.AddPooledDbContextFactory<PostgresDesignerDbContext>((provider, options) =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            ConfigurePostgres(options, storage);
        });
        services.TryAddSingleton<IDbContextFactory<DesignerDbContext>>(provider =>
            provider.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgreSql
                ? new DesignerDbContextFactory<PostgresDesignerDbContext>(provider.GetRequiredService<IDbContextFactory<PostgresDesignerDbContext>>())
                : new DesignerDbContextFactory<SqliteDesignerDbContext>(provider.GetRequiredService<IDbContextFactory<SqliteDesignerDbContext>>()));
        services.TryAddScoped(provider => provider.GetRequiredService<IDbContextFactory<DesignerDbContext>>().CreateDbContext());

        // The migrations contain Identity schema version 3 (passkeys); Identity reads the version from IdentityOptions.
        services.PostConfigure<IdentityOptions>(IdentitySchema.Pin);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWorkflowStore, WorkflowStore>();
        services.TryAddSingleton<IAuditLog, AuditLog>();
        services.TryAddSingleton<IRunStore, RunStore>();
        services.TryAddSingleton<IRunWriteCache>(sp => sp.GetRequiredService<IRunStore>() as IRunWriteCache ?? NullRunWriteCache.Instance);
        services.TryAddSingleton<ICollectionStore, CollectionStore>();
        services.TryAddSingleton<IEvaluationStore, EvaluationStore>();
        services.TryAddSingleton<IRolloutStore, RolloutStore>();
        services.TryAddSingleton<IWorkflowApiKeyStore, WorkflowApiKeyStore>();
        services.TryAddSingleton<IWorkflowScheduleStore, WorkflowScheduleStore>();
        services.TryAddSingleton<IBatchStore, BatchStore>();
        services.TryAddSingleton<INotificationStore, NotificationStore>();
        services.TryAddSingleton<IModelVersionStore, ModelVersionStore>();
        services.TryAddSingleton<IChatModelVersionStore, ChatModelVersionStore>();
        services.TryAddSingleton<DatabaseInitializer>();
        services.AddHostedService<DatabaseInitializerHostedService>();
        return builder;
    }

    internal static void ConfigureSqlite(DbContextOptionsBuilder options, StorageOptions storage)
    {
        var connectionString = storage.ConnectionString ?? throw new InvalidOperationException($"{StorageOptions.SectionName}:ConnectionString is not set.");
        StorageConnection.EnsureSqliteDirectory(connectionString);
        options.UseSqlite(connectionString).AddInterceptors(new SqlitePragmaInterceptor(storage.SqliteBusyTimeout));
    }

    internal static void ConfigurePostgres(DbContextOptionsBuilder options, StorageOptions storage)
    {
        var connectionString = storage.ConnectionString ?? throw new InvalidOperationException($"{StorageOptions.SectionName}:ConnectionString is not set.");
        options.UseNpgsql(connectionString);
    }
}
