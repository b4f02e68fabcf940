using Microsoft.Extensions.Logging;

namespace Designer.Telemetry.Logging;

/// <summary>
/// Wraps the host's <see cref="ILoggerFactory"/> so every logger masks e-mail addresses, card numbers, IBANs and
/// phone numbers before any provider (console, OpenTelemetry, debug) sees the message, the structured values or the
/// exception (issue 14: "sensitive data is redacted before it is stored or shown anywhere", logs included). The
/// runtime logs ids and error kinds, but a library's exception message or a handler's argument can quote a
/// customer's value. Wrapping the factory, not each provider, keeps the providers' own types, so per-provider filter
/// rules (<c>Logging:Console:LogLevel</c>) still apply.
/// </summary>
public sealed class RedactingLoggerFactory : ILoggerFactory
{
    private readonly ILoggerFactory _inner;

    /// <summary>Wraps <paramref name="inner"/>; disposing this disposes it.</summary>
    /// <param name="inner">The factory that owns the providers.</param>
    public RedactingLoggerFactory(ILoggerFactory inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(_inner.CreateLogger(categoryName));

    /// <inheritdoc />
    public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(provider);

    /// <inheritdoc />
    public void Dispose() => _inner.Dispose();
}
