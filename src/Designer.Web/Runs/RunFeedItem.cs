namespace Designer.Web.Runs;

/// <summary>One item of a <see cref="RunFeed"/>: a trace row, or the run's record once it has ended.</summary>
/// <param name="Row">A row, in sequence order; null for the end item.</param>
/// <param name="CommittedAt">When the row was committed, for pushed rows; null for rows read from the database.</param>
/// <param name="EndedRun">The ended run, on the last item.</param>
public sealed record RunFeedItem(TraceEventRecord? Row, DateTimeOffset? CommittedAt, RunRecord? EndedRun);
