using System.Diagnostics.CodeAnalysis;

namespace Designer.Persistence;

/// <summary>The outcome of a lifecycle operation: a value or a <see cref="LifecycleError"/>.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class LifecycleResult<T>
    where T : class
{
    internal LifecycleResult(T? value, LifecycleError? error)
    {
        Value = value;
        Error = error;
        Succeeded = error is null;
    }

    /// <summary>True when the operation succeeded and <see cref="Value"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded { get; }

    /// <summary>The value, when successful.</summary>
    public T? Value { get; }

    /// <summary>The error, when refused.</summary>
    public LifecycleError? Error { get; }
}
