namespace Designer.Hosting;

/// <summary>A refused operation: the kind decides the HTTP status, the rest becomes the RFC 7807 ProblemDetails.</summary>
/// <param name="Kind">Why it was refused.</param>
/// <param name="Detail">What happened, for a person.</param>
/// <param name="Problems">Every problem with the input, when there are several to list (the <c>errors</c> extension).</param>
/// <param name="Extensions">More ProblemDetails members, e.g. the current ETag of a conflicting change or Retry-After.</param>
/// <param name="Title">A title other than the kind's usual one, when the refusal deserves its own.</param>
public sealed record OperationError(
    OperationErrorKind Kind,
    string Detail,
    IReadOnlyList<OperationProblem>? Problems = null,
    IReadOnlyDictionary<string, object?>? Extensions = null,
    string? Title = null)
{
    /// <summary>Every problem with the input; empty when the refusal has none to list.</summary>
    public IReadOnlyList<OperationProblem> Problems { get; init; } = Problems ?? [];

    /// <summary>The thing does not exist.</summary>
    /// <param name="detail">What was not found.</param>
    public static OperationError NotFound(string detail) => new(OperationErrorKind.NotFound, detail);

    /// <summary>The caller may not do this.</summary>
    /// <param name="detail">Why not.</param>
    public static OperationError Forbidden(string detail) => new(OperationErrorKind.Forbidden, detail);

    /// <summary>The input is invalid.</summary>
    /// <param name="detail">One sentence for a person saying what is wrong with the input.</param>
    /// <param name="problems">Every problem, if there is a list.</param>
    public static OperationError Invalid(string detail, IReadOnlyList<OperationProblem>? problems = null) =>
        new(OperationErrorKind.Invalid, detail, problems);

    /// <summary>A concurrent change or stale version.</summary>
    /// <param name="detail">What conflicted.</param>
    /// <param name="extensions">More ProblemDetails members (e.g. the current ETag).</param>
    public static OperationError Conflict(string detail, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(OperationErrorKind.Conflict, detail, Extensions: extensions);

    /// <summary>The thing is in the wrong state for the operation.</summary>
    /// <param name="detail">Which state and why it matters.</param>
    public static OperationError InvalidState(string detail) => new(OperationErrorKind.InvalidState, detail);
}
