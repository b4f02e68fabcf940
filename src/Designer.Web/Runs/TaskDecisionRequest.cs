using System.Text.Json.Nodes;

namespace Designer.Web.Runs;

/// <summary>The body of <c>POST /api/tasks/{id}/decision</c>: a reviewer's decision of a human task.</summary>
/// <param name="Decision">One of the task's <c>decisions</c>, e.g. <c>approve</c>; required.</param>
/// <param name="Comment">The reviewer's note for the audit trail and the run's output, at most 4,000 characters.</param>
/// <param name="Edits">Values of the task's editable fields that the reviewer changed, merged into the run's output.</param>
/// <param name="Correction">
/// The reviewer's edit of a model's draft (issues 12 and 13), stored as labelled data; not blank, at most 20,000
/// characters.
/// </param>
internal sealed record TaskDecisionRequest(string? Decision = null, string? Comment = null, JsonObject? Edits = null, string? Correction = null)
{
    private const int MaxComment = 4000;
    private const int MaxCorrection = 20_000;

    /// <summary>The problems of the values; the wrongly typed ones were listed by the binder and read as absent.</summary>
    /// <returns>Every problem, in the words this endpoint always used.</returns>
    public IEnumerable<OperationProblem> Validate()
    {
        if (string.IsNullOrWhiteSpace(Decision))
        {
            yield return new OperationProblem("task.decision", "'decision' is required.", Field: "decision");
        }

        if (Comment is { Length: > MaxComment })
        {
            yield return new OperationProblem("task.comment", "'comment' is longer than 4,000 characters.", Field: "comment");
        }

        if (Correction is not null && (string.IsNullOrWhiteSpace(Correction) || Correction.Length > MaxCorrection))
        {
            yield return new OperationProblem("task.correction", "'correction' must not be blank or longer than 20,000 characters.", Field: "correction");
        }
    }

    /// <summary>The decision as the run's grain takes it; call after <see cref="Validate"/> found nothing.</summary>
    public TaskDecision ToDecision() => new(Decision!, Comment, Edits?.ToJsonString(), Correction);
}
