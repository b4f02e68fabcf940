using Designer.Hosting;

namespace Designer.Persistence;

/// <summary>
/// Schedule triggers of workflows and their claimed occurrences (issue 16). Create, update and delete write their
/// audit entry in the same transaction; an occurrence is claimed by inserting its row, so across hosts sharing the
/// database exactly one claim of an occurrence succeeds.
/// </summary>
public interface IWorkflowScheduleStore
{
    /// <summary>Creates a schedule. NotFound when the workflow does not exist.</summary>
    Task<OperationResult<WorkflowScheduleRecord>> CreateAsync(Guid workflowId, ScheduleDefinition definition, Actor actor, CancellationToken cancellationToken);

    /// <summary>Replaces a schedule's definition. NotFound when absent; Conflict on a concurrent change.</summary>
    Task<OperationResult<WorkflowScheduleRecord>> UpdateAsync(Guid workflowId, Guid scheduleId, ScheduleDefinition definition, Actor actor, CancellationToken cancellationToken);

    /// <summary>Deletes a schedule and its occurrences. NotFound when absent.</summary>
    Task<OperationResult<WorkflowScheduleRecord>> DeleteAsync(Guid workflowId, Guid scheduleId, Actor actor, CancellationToken cancellationToken);

    /// <summary>The workflow's schedules, oldest first.</summary>
    Task<IReadOnlyList<WorkflowScheduleRecord>> ListAsync(Guid workflowId, CancellationToken cancellationToken);

    /// <summary>Every enabled schedule (for the worker).</summary>
    Task<IReadOnlyList<WorkflowScheduleRecord>> ListEnabledAsync(CancellationToken cancellationToken);

    /// <summary>The schedule's latest claimed occurrences, newest first.</summary>
    Task<IReadOnlyList<ScheduleOccurrenceRecord>> ListOccurrencesAsync(Guid scheduleId, int take, CancellationToken cancellationToken);

    /// <summary>Claims an occurrence for this host: true for exactly one caller per (schedule, occurrence).</summary>
    Task<bool> ClaimOccurrenceAsync(Guid scheduleId, DateTimeOffset occurrenceUtc, string host, CancellationToken cancellationToken);

    /// <summary>Records what a claimed occurrence did: the run it started, or why none started.</summary>
    Task CompleteOccurrenceAsync(Guid scheduleId, DateTimeOffset occurrenceUtc, Guid? runId, string? problem, CancellationToken cancellationToken);

    /// <summary>Moves the schedule's handled mark forward to <paramref name="firedThrough"/> (never back).</summary>
    Task AdvanceAsync(Guid scheduleId, DateTimeOffset firedThrough, CancellationToken cancellationToken);
}
