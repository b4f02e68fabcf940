using System.Security.Claims;
using Designer.Web.Identity;

namespace Designer.Web.Rollouts;

/// <summary>Starts, shows, promotes and aborts rollouts; approvers and operators change them, every role reads.</summary>
internal sealed class RolloutService(IRolloutStore store, IWorkflowStore workflows, TimeProvider time)
{
    /// <summary>
    /// Starts a rollout of version <paramref name="version"/>; bad input lists every problem (with
    /// <paramref name="bindingProblems"/>, the body's wrongly typed properties) and saves nothing.
    /// </summary>
    public async Task<OperationResult<RolloutRecord>> StartAsync(
        ClaimsPrincipal user, Guid workflowId, int version, StartRolloutRequest request, IReadOnlyList<OperationProblem> bindingProblems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!CanChange(user))
        {
            return OperationError.Forbidden("Only approvers and operators roll versions out.");
        }

        var problems = new List<OperationProblem>();
        var rollout = RolloutRequest.Read(workflowId, version, request, bindingProblems, problems);
        if (rollout is null)
        {
            return OperationError.Invalid("The rollout is invalid; nothing was started.", problems);
        }

        return Map(await store.StartAsync(rollout, user.ToActor(), cancellationToken));
    }

    /// <summary>The workflow's latest rollout with its live numbers.</summary>
    public async Task<OperationResult<RolloutView>> GetAsync(Guid workflowId, CancellationToken cancellationToken)
    {
        if (await workflows.GetWorkflowAsync(workflowId, cancellationToken) is null)
        {
            return OperationError.NotFound($"Workflow {workflowId} does not exist.");
        }

        if (await store.GetLatestAsync(workflowId, cancellationToken) is not { } rollout)
        {
            return OperationError.NotFound($"Workflow {workflowId} has no rollout.");
        }

        var stats = await store.GetStatsAsync(rollout, cancellationToken);
        return new RolloutView(rollout, stats[0], stats[1], RolloutJudge.Guards(rollout, stats[1], stats[0]), time.GetUtcNow());
    }

    /// <summary>Promotes the open rollout by hand (activates the candidate).</summary>
    public Task<OperationResult<RolloutRecord>> PromoteAsync(ClaimsPrincipal user, Guid workflowId, CancellationToken cancellationToken) =>
        EndAsync(user, workflowId, RolloutStates.Promoted, "Promoted by hand.", cancellationToken);

    /// <summary>Aborts the open rollout by hand (every new run to the baseline).</summary>
    public Task<OperationResult<RolloutRecord>> AbortAsync(ClaimsPrincipal user, Guid workflowId, CancellationToken cancellationToken) =>
        EndAsync(user, workflowId, RolloutStates.Aborted, "Aborted by hand.", cancellationToken);

    private async Task<OperationResult<RolloutRecord>> EndAsync(ClaimsPrincipal user, Guid workflowId, string state, string reason, CancellationToken cancellationToken)
    {
        if (!CanChange(user))
        {
            return OperationError.Forbidden("Only approvers and operators promote or abort rollouts.");
        }

        if (await store.GetOpenAsync(workflowId, cancellationToken) is not { } open)
        {
            return await workflows.GetWorkflowAsync(workflowId, cancellationToken) is null
                ? OperationError.NotFound($"Workflow {workflowId} does not exist.")
                : OperationError.Conflict($"Workflow {workflowId} has no running rollout.");
        }

        return Map(await store.EndAsync(open.Id, state, reason, user.ToActor(), cancellationToken));
    }

    private static bool CanChange(ClaimsPrincipal user) => user.IsInRole(DesignerRoles.Approver) || user.IsInRole(DesignerRoles.Operator);

    private static OperationResult<RolloutRecord> Map(OperationResult<RolloutRecord> result) =>
        result.IsSuccess ? result.Value
        : result.Error.Kind == OperationErrorKind.NotFound ? OperationError.NotFound(result.Error.Detail)
        : OperationError.Conflict(result.Error.Detail);
}
