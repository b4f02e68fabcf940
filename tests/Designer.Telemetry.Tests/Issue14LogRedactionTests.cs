using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Designer.Telemetry.Tests;

/// <summary>
/// Issue 14 item 1, logs: a customer's e-mail or card number that reaches a log call (in the message, a structured
/// argument or an exception's message) is masked before any provider writes or exports it. Before, logs were the
/// one store that was never scanned.
/// </summary>
public sealed class Issue14LogRedactionTests
{
    private const string Email = "jane.doe@example.com";
    private const string Card = "4111 1111 1111 1111";

    [Fact]
    public async Task Log_Issue14_PiiInArgumentAndException_ExportedMasked()
    {
        // Arrange
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var collector = await OtlpCollector.StartAsync(cancellationToken);
        using (var host = Build(new()
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        }))
        {
            await host.StartAsync(cancellationToken);
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Designer.Tests.Payments");

            // Act
            logger.LogWarning(new InvalidOperationException($"Card {Card} was declined."), "Refund for {Customer} failed", Email);
            await host.StopAsync(cancellationToken);
        }

        // Assert
        var logs = collector.Text("/v1/logs");
        Assert.Contains("Refund for", logs, StringComparison.Ordinal);
        Assert.Contains("[email]", logs, StringComparison.Ordinal);
        Assert.Contains("[card]", logs, StringComparison.Ordinal);
        Assert.Contains("{Customer}", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Card, logs, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_Issue14_ProviderFilterRule_StillAppliesAndMessageIsMasked()
    {
        // Arrange: a provider-specific rule only works while the providers keep their own types.
        var capture = new CaptureProvider();
        using var host = Build([], logging =>
        {
            logging.AddProvider(capture);
            logging.AddFilter<CaptureProvider>("Designer.Tests", LogLevel.Warning);
        });
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Designer.Tests.Filtered");
        object cardAsNumber = 4111111111111111L;

        // Act: the first call is below the rule on purpose, so CA1873's advice (guard disabled levels) does not apply.
#pragma warning disable CA1873
        logger.LogInformation("below the rule: {Customer}", Email);
#pragma warning restore CA1873
        logger.LogWarning("above the rule: {Customer} paid with {Card}", Email, cardAsNumber);

        // Assert
        var entry = Assert.Single(capture.Entries);
        Assert.Equal("above the rule: [email] paid with [card]", entry.Message);
        Assert.Equal("[email]", entry.Values["Customer"]);
        Assert.Equal("[card]", entry.Values["Card"]);
        Assert.Equal("above the rule: {Customer} paid with {Card}", entry.Values["{OriginalFormat}"]);
    }

    [Fact]
    public void Log_Issue14_NothingSensitive_PassesValuesAndExceptionUnchanged()
    {
        // Arrange
        var capture = new CaptureProvider();
        using var host = Build([], logging => logging.AddProvider(capture));
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Designer.Tests.Plain");
        var failure = new TimeoutException("The model did not answer in 30 s.");

        // Act
        object attempts = 3;
        logger.LogError(failure, "Run {RunId} step {Step} failed after {Attempts} attempts", "4f1c", "risk", attempts);

        // Assert
        var entry = Assert.Single(capture.Entries);
        Assert.Same(failure, entry.Exception);
        Assert.Equal(3, entry.Values["Attempts"]);
        Assert.Equal("Run 4f1c step risk failed after 3 attempts", entry.Message);
    }

    private static IHost Build(Dictionary<string, string?> settings, Action<ILoggingBuilder>? logging = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "Designer.Telemetry.Tests",
            ContentRootPath = Path.GetTempPath(),
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddDesignerTelemetry();
        // Providers added after telemetry are wrapped as well: the factory is built over all of them at resolve time.
        logging?.Invoke(builder.Logging);
        return builder.Build();
    }

    private sealed record Entry(string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception);

    private sealed class CaptureProvider : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CaptureLogger(Entries);

        public void Dispose()
        {
        }
    }

    private sealed class CaptureLogger(ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            entries.Enqueue(new Entry(formatter(state, exception), values.ToDictionary(p => p.Key, p => p.Value), exception));
        }
    }
}
