using System.Diagnostics.CodeAnalysis;

namespace Designer.Hosting;

/// <summary>
/// The outcome of a service or store operation in every module: a value, or an <see cref="OperationError"/> saying
/// why not. Expected refusals (not found, invalid input, conflicts) travel as values rather than exceptions, and the
/// web API turns every error into ProblemDetails in one place.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class OperationResult<T>
{
    private OperationResult(T? value, OperationError? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>True when the operation succeeded and <see cref="Value"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The value, when successful.</summary>
    public T? Value { get; }

    /// <summary>Why the operation was refused, otherwise.</summary>
    public OperationError? Error { get; }

    /// <summary>Wraps a value.</summary>
    public static implicit operator OperationResult<T>(T value) => Success(value);

    /// <summary>Wraps an error.</summary>
    public static implicit operator OperationResult<T>(OperationError error) => Failure(error);

    /// <summary>A successful result.</summary>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "The named counterpart of the implicit conversion.")]
    public static OperationResult<T> Success(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    /// <summary>A refused result.</summary>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "The named counterpart of the implicit conversion.")]
    public static OperationResult<T> Failure(OperationError error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));
}
