namespace Designer.Runtime.Grains;

/// <summary>
/// One grain per run (key = run id). Orleans runs one call of a grain at a time, so decisions and cancellation of a
/// run are serialised here; the store's conditional updates stay the backstop across silos. Calls return as soon as
/// the work is queued on the run execution host, so node work never blocks a grain call (30 s timeout).
/// </summary>
public interface IRunGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Decides one of the run's pending tasks (a signed command: unsigned, wrongly signed or stale ones are refused
    /// and no decision is recorded).
    /// </summary>
    Task<RunGrainOutcome> DecideAsync(RunGrainDecision request);

    /// <summary>
    /// Enforces a task's SLA with a reminder on this grain: it ticks every <c>Designer:Runtime:SlaCheckInterval</c>,
    /// and the first tick at or after the due time (on the runtime clock) times the task out.
    /// </summary>
    /// <param name="taskId">The pending task.</param>
    /// <param name="due">When its SLA expires.</param>
    Task ScheduleSlaAsync(Guid taskId, DateTimeOffset due);

    /// <summary>Cancels the run (a signed command: unsigned, wrongly signed or stale ones are refused).</summary>
    /// <param name="request">Who cancels, signed by the web host.</param>
    Task<RunGrainOutcome> CancelAsync(RunGrainCancel request);
}
