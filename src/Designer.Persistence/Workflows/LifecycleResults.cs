namespace Designer.Persistence;

/// <summary>Creates <see cref="LifecycleResult{T}"/> values.</summary>
public static class LifecycleResult
{
    /// <summary>A successful result.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    public static LifecycleResult<T> Success<T>(T value)
        where T : class => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    /// <summary>A refused result.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="kind">The error category.</param>
    /// <param name="message">A human-readable explanation.</param>
    /// <returns>The result.</returns>
    public static LifecycleResult<T> Failure<T>(LifecycleErrorKind kind, string message)
        where T : class => new(null, new LifecycleError(kind, message));
}
