namespace Designer.Persistence;

/// <summary>A trace event to append (the store numbers it).</summary>
/// <param name="NodeId">Node id, when about a node.</param>
/// <param name="Json">The event JSON (the store tokenises it through the run's vault).</param>
public sealed record NewTraceEvent(string Kind, string? NodeId, string Json, DateTimeOffset Timestamp);
