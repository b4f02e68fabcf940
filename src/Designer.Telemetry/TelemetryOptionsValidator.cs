using Microsoft.Extensions.Options;

namespace Designer.Telemetry;

/// <summary>Checks the endpoint is an absolute http(s) URL and the protocol one the exporter speaks.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint)
            && !(Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            problems.Add($"Designer:Telemetry:OtlpEndpoint '{options.OtlpEndpoint}' is not an absolute http(s) URL.");
        }

        if (options.OtlpProtocol is not (null or "grpc" or "http/protobuf"))
        {
            problems.Add($"Designer:Telemetry:OtlpProtocol '{options.OtlpProtocol}' must be 'grpc' or 'http/protobuf'.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
