using Designer.Persistence;
using Designer.Runtime;
using Designer.Runtime.Runs;
using Designer.Runtime.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Designer.Telemetry.Tests;

public sealed class TelemetryExportTests
{
    [Fact]
    public async Task AddDesignerTelemetry_OtlpEndpointSet_ExportsRunSpansAndRunIdOnEveryLogLineOfTheRun()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var collector = await OtlpCollector.StartAsync(cancellationToken);
        var runId = Guid.NewGuid();
        using (var host = Build(new()
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        }))
        {
            await host.StartAsync(cancellationToken);
            var executions = host.Services.GetRequiredService<RunExecutionHost>();
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Designer.Tests.SomeModule");

            // Act: run work that logs from another module and executes a node, as a run's work does.
            executions.Enqueue(runId, _ =>
            {
                using (RuntimeTelemetry.StartNode(runId.ToString(), "risk", "model", 1))
                {
                    logger.LogInformation("scored the dispute");
                }

                return Task.CompletedTask;
            });
            await executions.WhenIdleAsync(runId);
            logger.LogInformation("outside any run");
            await host.StopAsync(cancellationToken);
        }

        // Assert: disposing the host flushed every signal to the collector.
        var traces = collector.Text("/v1/traces");
        Assert.Contains("run work", traces, StringComparison.Ordinal);
        Assert.Contains("node model", traces, StringComparison.Ordinal);
        Assert.Contains(runId.ToString(), traces, StringComparison.Ordinal);
        var logs = collector.Text("/v1/logs");
        Assert.Contains("scored the dispute", logs, StringComparison.Ordinal);
        Assert.Contains(RuntimeTelemetry.RunIdTag, logs, StringComparison.Ordinal);
        Assert.Contains(runId.ToString(), logs, StringComparison.Ordinal);
        Assert.Contains("outside any run", logs, StringComparison.Ordinal);
        Assert.Contains("Designer.Telemetry.Tests", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidEndpointAndProtocol_FailsListingEveryProblem()
    {
        // Arrange
        using var host = Build(new()
        {
            ["Designer:Telemetry:OtlpEndpoint"] = "collector:4317",
            ["Designer:Telemetry:OtlpProtocol"] = "udp",
        });

        // Act
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        // Assert
        Assert.Contains(failure.Failures, f => f.Contains("OtlpEndpoint", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("OtlpProtocol", StringComparison.Ordinal));
    }

    [Fact]
    public void AddDesignerTelemetry_ServiceNameUnset_UsesTheApplicationName()
    {
        // Arrange
        using var host = Build([]);

        // Act
        var options = host.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;

        // Assert
        Assert.Equal("Designer.Telemetry.Tests", options.ServiceName);
        Assert.Null(options.OtlpEndpoint);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "Designer.Telemetry.Tests",
            ContentRootPath = Path.GetTempPath(),
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Designer:Storage:Provider"] = StorageOptions.Sqlite,
            ["Designer:Storage:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"designer-telemetry-{Guid.NewGuid():N}.db")}",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddDesignerPersistence();
        builder.AddDesignerRuntime();
        // The runtime's gate SLAs are Orleans reminders, so it needs a silo; free ports keep parallel hosts apart.
        builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePort(), FreePort(), serviceId: "telemetry-tests", clusterId: Guid.NewGuid().ToString("N")));
        builder.AddDesignerTelemetry();
        return builder.Build();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
