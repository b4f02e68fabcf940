using Designer.Persistence;

namespace Designer.Runtime.Tracing;

/// <summary>A trace row as pushed to live views.</summary>
/// <param name="Event">The stored row.</param>
/// <param name="CommittedAt">When the notifier received it (just after the commit); live views measure their delay from it.</param>
public sealed record TraceCommitted(TraceEventRecord Event, DateTimeOffset CommittedAt);
