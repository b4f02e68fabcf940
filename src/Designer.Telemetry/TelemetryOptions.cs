namespace Designer.Telemetry;

/// <summary>Settings of traces, metrics and logs export, bound from the <c>Designer:Telemetry</c> section.</summary>
/// <remarks>
/// <para>Instrumentation (ASP.NET Core, HttpClient, .NET runtime, and every <c>Designer.*</c> activity source and
/// meter) is always on and costs little while nobody listens; export happens only when an OTLP endpoint is known.</para>
/// <para>Defaults: <see cref="ServiceName"/> is the host's application name; <see cref="OtlpEndpoint"/> and
/// <see cref="OtlpProtocol"/> come from the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> and
/// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> variables (protocol <c>grpc</c> when unset), so an operator can point every
/// host at a collector without knowing our configuration keys.</para>
/// </remarks>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Designer:Telemetry";

    /// <summary>The <c>service.name</c> resource attribute (default: the host's application name).</summary>
    public string? ServiceName { get; set; }

    /// <summary>Base URL of the OTLP collector; no export when unset (default: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> or <c>http/protobuf</c> (default: <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, else <c>grpc</c>).</summary>
    public string? OtlpProtocol { get; set; }
}
