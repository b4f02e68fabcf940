using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Designer.Persistence.Tests.Infrastructure;

/// <summary>One migrated database plus the services registered by AddDesignerPersistence.</summary>
public sealed class TestStorage : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly Func<ValueTask> _drop;

    private TestStorage(IHost host, Func<ValueTask> drop)
    {
        _host = host;
        _drop = drop;
    }

    public IServiceProvider Services => _host.Services;

    public IWorkflowStore Workflows => Services.GetRequiredService<IWorkflowStore>();

    public IRunStore Runs => Services.GetRequiredService<IRunStore>();

    public IAuditLog Audit => Services.GetRequiredService<IAuditLog>();

    public IDbContextFactory<DesignerDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<DesignerDbContext>>();

    public static async Task<TestStorage> CreateAsync(string provider, string connectionString, Func<ValueTask> drop, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Path.GetTempPath() });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Designer:Storage:Provider"] = provider,
            ["Designer:Storage:ConnectionString"] = connectionString,
            ["Designer:Storage:MigrateOnStart"] = "false",
        });
        builder.Services.AddLogging();
        builder.AddDesignerPersistence();
        var host = builder.Build();
        var storage = new TestStorage(host, drop);
        try
        {
            await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
            return storage;
        }
        catch
        {
            await storage.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }

        await _drop();
    }
}
