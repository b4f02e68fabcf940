using Designer.Telemetry.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Designer.Telemetry;

/// <summary>Registers OpenTelemetry traces, metrics and logs for a Designer host.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Activity sources and meters of the project: every module names its own <c>Designer.&lt;Module&gt;</c>.</summary>
    public const string DesignerSources = "Designer.*";

    private const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>
    /// Binds <see cref="TelemetryOptions"/> (validated on start), turns on tracing and metrics for ASP.NET Core,
    /// HttpClient, the .NET runtime and every <see cref="DesignerSources"/> source, and keeps log scopes (the run id
    /// of a run's work) on exported log records; adds the OTLP exporter for all three signals when an endpoint is set.
    /// </summary>
    /// <returns>The same builder.</returns>
    public static IHostApplicationBuilder AddDesignerTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(TelemetryOptions.SectionName);
        void ApplyDefaults(TelemetryOptions o) => ApplyStandardDefaults(o, builder);
        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        ApplyDefaults(options);
        builder.Services.AddOptions<TelemetryOptions>().Bind(section)
            .PostConfigure(ApplyDefaults)
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeScopes = true;
            logging.IncludeFormattedMessage = true;
        });
        AddLogRedaction(builder.Services);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName!))
            .WithTracing(tracing => tracing
                .AddSource(DesignerSources)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(DesignerSources, OrleansMeter)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());
        if (Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint))
        {
            var protocol = options.OtlpProtocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            telemetry.UseOtlpExporter(protocol, endpoint);
        }

        return builder;
    }

    /// <summary>
    /// Every logger the host hands out masks PII (<see cref="RedactingLoggerFactory"/>). The factory is built here the
    /// way <c>AddLogging</c> builds it, over every registered provider, whenever they were added.
    /// </summary>
    /// <param name="services">The host's services.</param>
    internal static void AddLogRedaction(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new RedactingLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>()))));

    /// <summary>Unset values fall back to the application name and the standard OTEL_* variables.</summary>
    private static void ApplyStandardDefaults(TelemetryOptions options, IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            options.ServiceName = builder.Environment.ApplicationName;
        }

        if (string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            options.OtlpEndpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        }

        options.OtlpProtocol ??= builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"];
    }
}
