using Designer.Hosting;

namespace Designer.Runtime.Grains;

/// <summary>
/// The one translation of the run grain's outcome kinds into <see cref="OperationError"/>: the kinds stay on the
/// grain's wire contract (Orleans-serialised messages), its callers only ever see the shared result type.
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
}
