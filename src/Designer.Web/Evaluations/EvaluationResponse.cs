namespace Designer.Web.Evaluations;

/// <summary>An evaluation with its metrics, budget verdict and per-case diff.</summary>
internal sealed record EvaluationResponse(
    Guid Id, Guid WorkflowId, Guid DatasetId, string? Dataset, object Candidate, object? Baseline, string Status, ProgressResponse Progress,
    string? Error, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt,
    MetricsResponse? Metrics, BudgetVerdict? Budget, int? Flipped, IReadOnlyList<NewlyFailingResponse>? NewlyFailing, IReadOnlyList<CaseDiff>? Cases)
{
    public static EvaluationResponse From(EvaluationRecord e, EvaluationReport? report, BudgetVerdict? verdict, DatasetRecord? dataset, bool flippedOnly, bool withCases)
    {
        var rate = e.WorkSeconds > 0 && e.Done > 0 ? e.Done / e.WorkSeconds : (double?)null;
        var eta = rate is { } r && !e.IsFinished ? (e.Total - e.Done) / r : (double?)null;
        var cases = report is null || !withCases ? null : (flippedOnly ? report.Cases.Where(c => c.Flipped).ToList() : report.Cases);
        return new EvaluationResponse(
            e.Id, e.WorkflowId, e.DatasetId, dataset is null ? null : $"{dataset.Name} v{dataset.Version}",
            e.CandidateVersion is { } n ? new { version = n, hash = e.CandidateHash } : new { draft = true, hash = e.CandidateHash },
            e.BaselineVersion is { } m ? new { version = m, hash = e.BaselineHash } : null,
            e.Status.ToString().ToLowerInvariant(), new ProgressResponse(e.Done, e.Total, rate, eta), e.Error, e.CreatedByName, e.CreatedAt,
            e.StartedAt, e.EndedAt,
            report is null ? null : new MetricsResponse(report.Baseline, report.Candidate),
            verdict, report?.Flipped,
            report?.NewlyFailing.Select(c => new NewlyFailingResponse(c.Number, c.Tags, c.Tags.Contains(EvaluationReport.CriticalTag), c.ExpectedEnd, c.Candidate.Key)).ToList(),
            cases);
    }
}
