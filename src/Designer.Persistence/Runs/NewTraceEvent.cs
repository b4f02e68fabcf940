namespace Designer.Persistence;

/// <summary>A trace event to append (the store numbers it).</summary>
/// <param name="Kind">What happened, e.g. <c>node.completed</c> (the runtime's <c>TraceEventKinds</c>).</param>
/// <param name="NodeId">Node id, when about a node.</param>
/// <param name="Json">The event JSON (the store tokenises it through the run's vault).</param>
/// <param name="Timestamp">When it happened (UTC).</param>
public sealed record NewTraceEvent(string Kind, string? NodeId, string Json, DateTimeOffset Timestamp);
