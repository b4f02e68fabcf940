namespace Designer.Persistence;

/// <summary>EF Core row for one trace event of a run (append-only).</summary>
public sealed class TraceEventEntity
{
    /// <summary>Run the event belongs to; with the sequence it orders the run's trace.</summary>
    public Guid RunId { get; set; }

    /// <summary>1-based order within the run.</summary>
    public long Sequence { get; set; }

    /// <summary>What happened, e.g. <c>node.completed</c> (the runtime's <c>TraceEventKinds</c>).</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Node id, when about a node.</summary>
    public string? NodeId { get; set; }

    /// <summary>The whole event as JSON (already redacted).</summary>
    public string Json { get; set; } = string.Empty;

    /// <summary>Event time (UTC).</summary>
    public DateTimeOffset Timestamp { get; set; }
}
