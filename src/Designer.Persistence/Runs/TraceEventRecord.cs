namespace Designer.Persistence;

/// <summary>One stored trace event.</summary>
/// <param name="Sequence">1-based order within the run.</param>
/// <param name="Kind">What happened, e.g. <c>node.completed</c> (the runtime's <c>TraceEventKinds</c>).</param>
/// <param name="NodeId">Node id, when about a node.</param>
/// <param name="Json">The event as JSON.</param>
/// <param name="Timestamp">Event time (UTC).</param>
public sealed record TraceEventRecord(Guid RunId, long Sequence, string Kind, string? NodeId, string Json, DateTimeOffset Timestamp);
