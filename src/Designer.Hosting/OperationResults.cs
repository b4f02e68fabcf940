namespace Designer.Hosting;

/// <summary>Creates <see cref="OperationResult{T}"/> values where the value type has to be inferred or named.</summary>
public static class OperationResults
{
    /// <summary>A successful result.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    public static OperationResult<T> Success<T>(T value) => OperationResult<T>.Success(value);

    /// <summary>A refused result.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="detail">What happened, for a person.</param>
    public static OperationResult<T> Failure<T>(OperationErrorKind kind, string detail) => OperationResult<T>.Failure(new OperationError(kind, detail));
}
