namespace Designer.Web.Batches;

/// <summary>A batch as the API and pages show it.</summary>
/// <param name="WorkflowId">Workflow whose active version runs each row.</param>
/// <param name="Format"><c>csv</c> or <c>ndjson</c>.</param>
/// <param name="Rows">Rows to start.</param>
/// <param name="Skipped">Bad lines left out on request.</param>
/// <param name="CreatedBy">Uploader (the runs' actor).</param>
/// <param name="CreatedAt">Upload time.</param>
/// <param name="DispatchedAt">When every row had been started.</param>
/// <param name="Progress">Counts by where rows stand.</param>
/// <param name="Finished">Whether every run has ended.</param>
/// <param name="ResultsUrl">The outcome CSV.</param>
internal sealed record BatchResponse(
    Guid Id, Guid WorkflowId, string Format, int Rows, int Skipped, string CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? DispatchedAt, BatchProgress Progress, bool Finished, string ResultsUrl)
{
    public static BatchResponse From(BatchRecord b) => new(
        b.Id, b.WorkflowId, b.Format, b.RowCount, b.SkippedCount, b.CreatedByName, b.CreatedAt, b.DispatchedAt, b.Progress, b.Finished,
        $"/api/batches/{b.Id}/results.csv");
}
