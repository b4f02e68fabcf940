using Designer.Persistence;
using Designer.Runtime.Compilation;
using Designer.Runtime.Execution;
using Designer.Runtime.Grains;
using Designer.Runtime.HumanTasks;
using Designer.Runtime.Recovery;
using Designer.Runtime.Runs;
using Designer.Runtime.Tracing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Designer.Runtime.Tests.Hosting;

public sealed class AddDesignerRuntimeTests
{
    [Fact]
    public void AddDesignerRuntime_Defaults_RegistersDurableStoresAndNoVectorSearch()
    {
        // Arrange
        using var host = Build([]);

        // Act
        var services = host.Services;

        // Assert
        Assert.IsType<DurableTraceSink>(services.GetRequiredService<ITraceSink>());
        Assert.IsType<DurableCheckpointStore>(services.GetRequiredService<IRunCheckpointStore>());
        Assert.Null(services.GetRequiredService<RuntimeServices>().VectorSearch);
        Assert.NotNull(services.GetRequiredService<RunService>());
        Assert.IsType<ProcessRunOwnership>(services.GetRequiredService<IRunOwnership>());
        Assert.IsType<ReminderGateDeadlines>(services.GetRequiredService<IGateDeadlines>());
    }

    [Fact]
    public async Task Start_InvalidOptions_FailsListingEveryProblem()
    {
        // Arrange
        using var host = Build(new()
        {
            ["Designer:Runtime:MaxConcurrentRuns"] = "0",
            ["Designer:Runtime:TraceStreamPollInterval"] = "00:01:00",
        });

        // Act
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains(failure.Failures, f => f.Contains("MaxConcurrentRuns", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("TraceStreamPollInterval", StringComparison.Ordinal));
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Path.GetTempPath() });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Designer:Storage:Provider"] = StorageOptions.Sqlite,
            ["Designer:Storage:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"designer-runtime-{Guid.NewGuid():N}.db")}",
            ["Designer:Storage:MigrateOnStart"] = "false",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddDesignerPersistence();
        builder.AddDesignerRuntime();
        // Gate SLAs are reminders on the run grain: the runtime is hosted next to a silo (never started here).
        builder.UseOrleans(silo => silo.UseLocalhostClustering());
        return builder.Build();
    }
}
