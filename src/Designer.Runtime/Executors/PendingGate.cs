using Designer.Runtime.State;

namespace Designer.Runtime.Executors;

/// <summary>A gate's parked state, kept in MAF executor state so the checkpoint holds it.</summary>
/// <param name="State">The run state when the gate was reached.</param>
/// <param name="StartedAt">When the gate was reached.</param>
public sealed record PendingGate(RunState State, DateTimeOffset StartedAt);
