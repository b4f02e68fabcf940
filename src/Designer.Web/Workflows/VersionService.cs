using System.Security.Claims;
using System.Text.Json.Nodes;
using Designer.Web.Api;
using Designer.Web.Identity;

namespace Designer.Web.Workflows;

/// <summary>
/// Submit, approve, reject, activate, diff and export. The store enforces the data rules (immutability, state
/// transitions, no self-approval) inside its transaction; this service adds roles and definition validity.
/// </summary>
internal sealed class VersionService(IWorkflowStore store, WorkflowValidator validator, Evaluations.EvaluationGate? evaluationGate = null)
{
    public async Task<OperationResult<VersionRecord>> SubmitAsync(
        ClaimsPrincipal user, Guid id, string? ifMatch, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(DesignerRoles.Author))
        {
            return OperationError.Forbidden("Only authors submit versions.");
        }

        if (await store.GetDraftAsync(id, cancellationToken) is not { } draft)
        {
            return OperationError.NotFound($"Workflow {id} does not exist.");
        }

        if (!string.IsNullOrWhiteSpace(ifMatch) && ETags.Parse(ifMatch) != draft.ETag)
        {
            return OperationError.Conflict("The draft changed since you loaded it.",
                new Dictionary<string, object?> { ["currentETag"] = ETags.Format(draft.ETag) });
        }

        var parsed = WorkflowJson.Parse(draft.DefinitionJson);
        var problems = parsed.IsWellFormed ? validator.Validate(parsed.Definition!) : parsed.Problems;
        if (!parsed.IsWellFormed || problems.Count > 0)
        {
            return OperationError.Invalid("The draft has problems; fix them before submitting.", problems.ToOperationProblems());
        }

        var definition = parsed.Definition!;
        var hash = ContentHash.Compute(definition);
        var latest = await store.ListVersionsAsync(id, 1, 1, cancellationToken);
        if (latest.Items is [var last, ..] && last.ContentHash == hash)
        {
            // A second version with the same hash would only duplicate the review (issue 18).
            var detail = $"The draft is unchanged since v{last.Number} ({last.Status}); edit it before submitting.";
            return OperationError.Invalid(detail, [new OperationProblem("draft.unchanged", detail)]);
        }

        var audit = new JsonObject { ["nodes"] = definition.Nodes.Count, ["edges"] = definition.Edges.Count };
        var submitted = await store.SubmitVersionAsync(
            id, CanonicalJson.Serialize(definition), hash, draft.ETag,
            user.ToActor(), audit, cancellationToken);
        return Map(submitted);
    }

    public async Task<OperationResult<VersionRecord>> GetAsync(Guid id, int number, CancellationToken cancellationToken) =>
        await store.GetVersionAsync(id, number, cancellationToken) is { } version
            ? version
            : OperationError.NotFound($"Workflow {id} has no version {number}.");

    public async Task<OperationResult<Page<VersionSummary>>> ListAsync(
        Guid id, int page, int pageSize, CancellationToken cancellationToken) =>
        await store.GetWorkflowAsync(id, cancellationToken) is null
            ? OperationError.NotFound($"Workflow {id} does not exist.")
            : await store.ListVersionsAsync(id, page, pageSize, cancellationToken);

    public async Task<OperationResult<VersionRecord>> ApproveAsync(
        ClaimsPrincipal user, Guid id, int number, string? comment, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(DesignerRoles.Approver))
        {
            return OperationError.Forbidden("Only approvers approve versions.");
        }

        // Issue 13: with Designer:Governance:RequireEvaluation the version needs a passing evaluation first.
        if (evaluationGate is not null && await store.GetVersionAsync(id, number, cancellationToken) is { Status: VersionStatus.PendingApproval } pending
            && pending.AuthorId != user.ToActor().Id && await evaluationGate.CheckAsync(id, number, user.ToActor(), cancellationToken) is { } refused)
        {
            return refused;
        }

        return Map(await store.ApproveVersionAsync(id, number, user.ToActor(), comment, cancellationToken));
    }

    public async Task<OperationResult<VersionRecord>> RejectAsync(
        ClaimsPrincipal user, Guid id, int number, string? comment, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(DesignerRoles.Approver))
        {
            return OperationError.Forbidden("Only approvers reject versions.");
        }

        if (string.IsNullOrWhiteSpace(comment))
        {
            return OperationError.Invalid("A rejection needs a comment.",
                [new OperationProblem("comment.required", "A rejection needs a comment.", Field: "comment")]);
        }

        return Map(await store.RejectVersionAsync(id, number, user.ToActor(), comment, cancellationToken));
    }

    public async Task<OperationResult<WorkflowRecord>> ActivateAsync(
        ClaimsPrincipal user, Guid id, int number, CancellationToken cancellationToken) =>
        !user.IsInRole(DesignerRoles.Approver)
            ? OperationError.Forbidden("Only approvers activate versions.")
            : Map(await store.ActivateVersionAsync(id, number, user.ToActor(), cancellationToken));

    /// <summary>Loads a version by number, or the draft for <c>"draft"</c>.</summary>
    public async Task<OperationResult<WorkflowDefinition>> LoadAsync(Guid id, string which, CancellationToken cancellationToken)
    {
        string? json;
        if (string.Equals(which, "draft", StringComparison.OrdinalIgnoreCase))
        {
            json = (await store.GetDraftAsync(id, cancellationToken))?.DefinitionJson;
        }
        else if (int.TryParse(which, out var number) && number > 0)
        {
            json = (await store.GetVersionAsync(id, number, cancellationToken))?.CanonicalJson;
        }
        else
        {
            return OperationError.Invalid($"'{Truncate(which)}' is neither a version number nor 'draft'.");
        }

        if (json is null)
        {
            return OperationError.NotFound($"Workflow {id} has no '{Truncate(which)}'.");
        }

        var parsed = WorkflowJson.Parse(json);
        return parsed.IsWellFormed
            ? parsed.Definition!
            : OperationError.Invalid("The stored definition is not well-formed.", parsed.Problems.ToOperationProblems());
    }

    public async Task<OperationResult<WorkflowDiffResult>> DiffAsync(
        Guid id, string from, string to, CancellationToken cancellationToken)
    {
        var left = await LoadAsync(id, from, cancellationToken);
        if (!left.IsSuccess)
        {
            return left.Error!;
        }

        var right = await LoadAsync(id, to, cancellationToken);
        return right.IsSuccess ? WorkflowDiff.Compute(left.Value!, right.Value!) : right.Error!;
    }

    private static OperationResult<T> Map<T>(OperationResult<T> result)
        where T : class
    {
        if (result.IsSuccess)
        {
            return result.Value;
        }

        var message = result.Error.Detail;
        return result.Error.Kind switch
        {
            OperationErrorKind.NotFound => OperationError.NotFound(message),
            OperationErrorKind.Forbidden => OperationError.Forbidden(message),
            OperationErrorKind.Invalid => OperationError.Invalid(message),
            _ => OperationError.Conflict(message),
        };
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
