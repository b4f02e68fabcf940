namespace Designer.Persistence;

/// <summary>What <see cref="IRunStore.TransitionWithTraceAsync"/> stored.</summary>
/// <param name="Run">The updated run, or null when the change did not apply (the rows are stored all the same).</param>
/// <param name="Trace">The stored trace rows, in order.</param>
public sealed record RunTraceTransition(RunRecord? Run, IReadOnlyList<TraceEventRecord> Trace);
