namespace Designer.Runtime.Expressions;

/// <summary>A sandboxed expression failed; the message is meant for the workflow author.</summary>
public sealed class ExpressionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ExpressionException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Author-facing message.</param>
    public ExpressionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Author-facing message.</param>
    /// <param name="innerException">The engine's exception.</param>
    public ExpressionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="kind">Why it failed.</param>
    /// <param name="expression">The expression text.</param>
    /// <param name="message">Author-facing message.</param>
    /// <param name="innerException">The engine's exception, if any.</param>
    public ExpressionException(ExpressionErrorKind kind, string expression, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Expression = expression;
    }

    /// <summary>Why it failed.</summary>
    public ExpressionErrorKind Kind { get; } = ExpressionErrorKind.Runtime;

    /// <summary>The expression text.</summary>
    public string Expression { get; } = string.Empty;
}
