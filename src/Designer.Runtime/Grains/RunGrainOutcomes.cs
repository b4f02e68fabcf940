using Designer.Hosting;

namespace Designer.Runtime.Grains;

/// <summary>
/// The one translation between <see cref="OperationError"/> and the run grain's outcome kinds: the kinds stay on the
/// grain's wire contract (Orleans-serialised messages), the run service and the grain's callers only ever see the shared
/// result type.
/// </summary>
public static class RunGrainOutcomes
{
    /// <summary>The error of a refused decision or cancel; null for <see cref="RunGrainOutcomeKind.Ok"/>.</summary>
    /// <param name="kind">How it ended.</param>
    /// <param name="message">Why, when not Ok.</param>
    /// <returns>The error, or null when the command was done.</returns>
    public static OperationError? ToError(RunGrainOutcomeKind kind, string? message) => kind switch
    {
        RunGrainOutcomeKind.Ok => null,
        RunGrainOutcomeKind.NotFound => OperationError.NotFound(message ?? "Not found."),
        RunGrainOutcomeKind.Conflict => OperationError.Conflict(message ?? "Conflict."),
        RunGrainOutcomeKind.Refused => OperationError.Forbidden(message ?? "Refused."),
        _ => OperationError.Invalid(message ?? "Invalid."),
    };

    /// <summary>The grain's outcome of a run-service operation: Ok, or the kind and detail of its error.</summary>
    /// <param name="error">The operation's error; null when it was done.</param>
    /// <returns>The outcome to send back.</returns>
    public static RunGrainOutcome From(OperationError? error) => error is null
        ? new RunGrainOutcome { Kind = RunGrainOutcomeKind.Ok }
        : new RunGrainOutcome
        {
            Kind = error.Kind switch
            {
                OperationErrorKind.NotFound => RunGrainOutcomeKind.NotFound,
                OperationErrorKind.Conflict => RunGrainOutcomeKind.Conflict,
                OperationErrorKind.Forbidden => RunGrainOutcomeKind.Refused,
                _ => RunGrainOutcomeKind.Invalid,
            },
            Message = error.Detail,
        };

    /// <summary>A refused command: nothing was done.</summary>
    /// <param name="message">What was wrong with the command (unsigned, bad signature, stale, replayed), for the caller.</param>
    /// <returns>The outcome to send back.</returns>
    internal static RunGrainOutcome Refused(string message) => new() { Kind = RunGrainOutcomeKind.Refused, Message = message };
}
