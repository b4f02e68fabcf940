using Designer.Hosting.Privacy;
using Microsoft.Extensions.Logging;

namespace Designer.Telemetry.Logging;

/// <summary>
/// Passes each entry on with its formatted message, its structured values and its exception masked (see
/// <see cref="RedactingLoggerFactory"/>). Disabled levels cost nothing: the check comes before any scanning.
/// </summary>
internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var message = Mask(formatter(state, exception));
        var masked = exception is null ? null : RedactedException.Wrap(exception);
        inner.Log(logLevel, eventId, new RedactedLogState(state as IReadOnlyList<KeyValuePair<string, object?>>, message), masked, static (s, _) => s.Message);
    }

    /// <summary>The detectors of the run redaction; the counts are not kept, logs are not a redaction report.</summary>
    internal static string Mask(string text) => PiiRedactor.Redact(text, new Dictionary<string, int>(StringComparer.Ordinal));
}
