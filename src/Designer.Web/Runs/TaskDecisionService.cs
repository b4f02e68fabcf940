using System.Security.Claims;
using Designer.Runtime.Grains;
using Designer.Web.Identity;

namespace Designer.Web.Runs;

/// <summary>
/// The one path of a human decision, for the API and the inbox alike (diagram in the Runtime README): the task is read
/// once and the caller's role checked against it here; the run's grain only serialises the decisions of its run, and
/// the store's conditional update makes exactly one of concurrent decisions win across hosts. Refusals are
/// <see cref="OperationError"/>s, which the API maps to ProblemDetails and the inbox shows as text.
/// </summary>
internal sealed class TaskDecisionService(IRunStore store, IGrainFactory grains, GrainCallSigner signer)
{
    /// <summary>The pending or decided task, when it exists and the user holds its role.</summary>
    /// <param name="cancellationToken">The caller went away.</param>
    /// <returns>The task, 404 or 403.</returns>
    public async Task<OperationResult<HumanTaskRecord>> FindAsync(ClaimsPrincipal user, Guid taskId, CancellationToken cancellationToken)
    {
        if (await store.GetTaskAsync(taskId, cancellationToken) is not { } task)
        {
            return OperationError.NotFound($"Task {taskId} does not exist.");
        }

        return CheckRole(user, task) is { } forbidden ? forbidden : task;
    }

    /// <summary>Decides a task the caller has already read (from <see cref="FindAsync"/> or the inbox's list).</summary>
    /// <param name="task">The task as read.</param>
    /// <param name="cancellationToken">The caller went away.</param>
    /// <returns>
    /// The decided task; 403, 404, 409 (decided meanwhile), 400 (a decision the gate does not offer) or 503 (sent, not
    /// confirmed in time: it may still be recorded).
    /// </returns>
    public async Task<OperationResult<HumanTaskRecord>> DecideAsync(
        ClaimsPrincipal user, HumanTaskRecord task, TaskDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(decision);
        if (CheckRole(user, task) is { } forbidden)
        {
            return forbidden;
        }

        var actor = user.ToActor();
        RunGrainOutcome outcome;
        try
        {
            // Signed for the grain, which trusts the actor only from a host holding the grain call key (issue 14).
            outcome = await grains.GetGrain<IRunGrain>(task.RunId).DecideAsync(signer.Sign(task.RunId, new RunGrainDecision
            {
                TaskId = task.Id,
                Decision = decision.Decision,
                Comment = decision.Comment,
                EditsJson = decision.EditsJson,
                Correction = decision.Correction,
                ActorId = actor.Id,
                ActorName = actor.Name,
            }));
        }
        catch (TimeoutException)
        {
            // Decisions queue on the governance lock (one audit chain across hosts); under a burst the grain's answer
            // can come after the call's timeout although the decision is still recorded. Unknown is not failed.
            return NotConfirmed(task.Id);
        }

        if (RunGrainOutcomes.ToError(outcome.Kind, outcome.Message) is { } error)
        {
            return error;
        }

        return await store.GetTaskAsync(task.Id, cancellationToken) is { } decided
            ? decided
            : OperationError.NotFound($"Task {task.Id} does not exist.");
    }

    private static OperationError NotConfirmed(Guid taskId) => new(
        OperationErrorKind.Unavailable,
        $"The decision on task {taskId} was sent but not confirmed in time because the system is busy; it may still be "
        + "recorded. Look at the task before deciding again: if it is no longer pending, your decision or another one won.",
        Extensions: new Dictionary<string, object?> { ["taskId"] = taskId },
        Title: "Decision not confirmed");

    private static OperationError? CheckRole(ClaimsPrincipal user, HumanTaskRecord task) =>
        user.IsInRole(task.Role) ? null : OperationError.Forbidden($"Only members of the '{task.Role}' role may decide this task.");
}
