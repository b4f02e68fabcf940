namespace Designer.Persistence;

/// <summary>Shorthands for <see cref="AuditedOutcome{T}"/>.</summary>
public static class AuditedOutcome
{
    /// <summary>A refusal: nothing is kept and nothing recorded.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="result">The result that says why.</param>
    public static AuditedOutcome<T> Refused<T>(T result) => new(result, []);
}
