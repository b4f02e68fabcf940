using System.Text.Json.Nodes;
using Designer.Runtime.Evaluations;
using Designer.Web.Runs;

namespace Designer.Web.Evaluations;

/// <summary>A dataset as the API shows it.</summary>
internal sealed record DatasetResponse(
    Guid Id, string Name, int Version, Guid WorkflowId, string? Description, int CaseCount, bool Frozen, DateTimeOffset? UsedAt,
    string CreatedBy, DateTimeOffset CreatedAt, IReadOnlyList<DatasetCaseResponse>? Cases = null, int? SkippedRuns = null)
{
    public static DatasetResponse From(DatasetRecord d, IReadOnlyList<DatasetCaseRecord>? cases = null, int? skipped = null) =>
        new(d.Id, d.Name, d.Version, d.WorkflowId, d.Description, d.CaseCount, d.IsFrozen, d.UsedAt, d.CreatedByName, d.CreatedAt,
            cases?.Select(DatasetCaseResponse.From).ToList(), skipped);
}

/// <summary>A dataset case; the input is redacted like run inputs are.</summary>
internal sealed record DatasetCaseResponse(int Number, JsonNode? Input, ExpectedResponse Expected, IReadOnlyList<string> Tags, Guid? SourceRunId, string LabelSource)
{
    public static DatasetCaseResponse From(DatasetCaseRecord c) =>
        new(c.Number, ApiRedaction.Redact(JsonNode.Parse(c.InputJson)), new ExpectedResponse(c.ExpectedEnd, c.ExpectedOutputJson is null ? null : JsonNode.Parse(c.ExpectedOutputJson)),
            c.Tags, c.SourceRunId, c.LabelSource);
}

/// <summary>The expected outcome.</summary>
internal sealed record ExpectedResponse(string? End, JsonNode? Output);

/// <summary>Progress of an evaluation job.</summary>
internal sealed record ProgressResponse(int Done, int Total, double? CasesPerSecond, double? EtaSeconds);

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

/// <summary>Both sides' metrics.</summary>
internal sealed record MetricsResponse(SideMetrics? Baseline, SideMetrics Candidate);

/// <summary>A case the baseline got right and the candidate gets wrong.</summary>
internal sealed record NewlyFailingResponse(int Number, IReadOnlyList<string> Tags, bool Critical, string? ExpectedEnd, string CandidateOutcome);
