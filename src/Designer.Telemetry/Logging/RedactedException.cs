namespace Designer.Telemetry.Logging;

/// <summary>
/// Stands in for a logged exception whose message (or an inner exception's) quotes sensitive values: the message
/// and <see cref="ToString"/> (type names, messages and stack traces of the whole chain, which console providers
/// print) are masked; the stack trace is the original's. An exception with nothing to mask is logged as it is.
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string _text;

    private RedactedException(Exception original, string message, string text)
        : base(message)
    {
        OriginalType = original.GetType().FullName ?? original.GetType().Name;
        StackTraceText = original.StackTrace;
        HResult = original.HResult;
        _text = text;
    }

    /// <summary>The full name of the exception type that was masked.</summary>
    public string OriginalType { get; }

    /// <summary>The original exception's stack trace.</summary>
    public string? StackTraceText { get; }

    /// <inheritdoc />
    public override string? StackTrace => StackTraceText;

    /// <summary>Returns <paramref name="exception"/> itself when nothing in it needs masking, else a masked stand-in.</summary>
    /// <param name="exception">The exception being logged.</param>
    /// <returns>What the providers are given.</returns>
    public static Exception Wrap(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = exception.ToString();
        var masked = RedactingLogger.Mask(text);
        return masked == text ? exception : new RedactedException(exception, RedactingLogger.Mask(exception.Message), masked);
    }

    /// <inheritdoc />
    public override string ToString() => _text;
}
