namespace Designer.Runtime.Grains;

/// <summary>
/// One grain per run (key = run id). Orleans runs one call of a grain at a time, so decisions and cancellation of a
/// run are serialised here; the store's conditional updates stay the backstop across silos. Calls return as soon as
/// the work is queued on the run execution host, so node work never blocks a grain call (30 s timeout).
/// </summary>
public interface IRunGrain : IGrainWithGuidKey
{
    /// <summary>Decides one of the run's pending tasks.</summary>
    /// <param name="request">The decision.</param>
    /// <returns>The outcome.</returns>
    Task<RunGrainDecisionOutcome> DecideAsync(RunGrainDecision request);

    /// <summary>Cancels the run.</summary>
    /// <returns>The outcome.</returns>
    Task<RunGrainCancelOutcome> CancelAsync();
}
