using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Runtime.Evaluations;

namespace Designer.Web.Evaluations;

/// <summary>Metrics per side, the per-case diff and the newly failing cases of an evaluation's finished cases.</summary>
internal sealed record EvaluationReport(
    SideMetrics? Baseline, SideMetrics Candidate, IReadOnlyList<CaseDiff> Cases, IReadOnlyList<CaseDiff> NewlyFailing, int Flipped)
{
    public const string CriticalTag = "critical";

    public int NewlyFailingCritical => NewlyFailing.Count(c => c.Tags.Contains(CriticalTag));

    public static EvaluationReport Build(
        WorkflowDefinition candidate, WorkflowDefinition? baseline, IReadOnlyList<DatasetCaseRecord> cases, IReadOnlyList<EvaluationCaseRecord> results)
    {
        var byNumber = cases.ToDictionary(c => c.Number);
        var candidateJudge = new CaseJudge(candidate);
        var baselineJudge = baseline is null ? null : new CaseJudge(baseline);
        var diffs = new List<CaseDiff>(results.Count);
        var candidateJudged = new List<(ShadowResult, bool)>(results.Count);
        var baselineJudged = new List<(ShadowResult, bool)>(results.Count);
        foreach (var result in results)
        {
            if (!byNumber.TryGetValue(result.CaseNumber, out var @case))
            {
                continue;
            }

            var expected = new ExpectedOutcome(@case.ExpectedEnd, @case.ExpectedOutputJson is null ? null : JsonNode.Parse(@case.ExpectedOutputJson) as JsonObject);
            var c = Parse(result.CandidateJson);
            var cMatched = candidateJudge.Matches(c, expected);
            candidateJudged.Add((c, cMatched));
            var candidateSide = CaseSide.From(c, cMatched);
            CaseSide? baselineSide = null;
            var scores = new List<ScoreChange>();
            if (baselineJudge is not null && result.BaselineJson is not null)
            {
                var b = Parse(result.BaselineJson);
                var bMatched = baselineJudge.Matches(b, expected);
                baselineJudged.Add((b, bMatched));
                baselineSide = CaseSide.From(b, bMatched);
                foreach (var (key, value) in b.Scores)
                {
                    if (c.Scores.TryGetValue(key, out var other) && Math.Abs(other - value) > 1e-9)
                    {
                        scores.Add(new ScoreChange(key, value, other, other - value));
                    }
                }
            }

            var flipped = baselineSide is not null && baselineSide.Key != candidateSide.Key;
            var newlyFailing = baselineSide is { Matched: true } && !cMatched;
            diffs.Add(new CaseDiff(@case.Number, @case.Tags, expected.End, expected.Output, baselineSide, candidateSide, flipped, newlyFailing, scores));
        }

        return new EvaluationReport(
            baselineJudge is null ? null : SideMetrics.From(baselineJudged),
            SideMetrics.From(candidateJudged),
            diffs,
            [.. diffs.Where(d => d.NewlyFailing)],
            diffs.Count(d => d.Flipped));
    }

    /// <summary>Checks the candidate side against a failure budget (point estimates; the interval is shown beside).</summary>
    public BudgetVerdict Check(WorkflowBudgetRecord? budget)
    {
        if (budget is null)
        {
            return new BudgetVerdict(false, ["The workflow declares no failure budget (PUT /api/workflows/{id}/budget)."]);
        }

        var reasons = new List<string>();
        var m = Candidate;
        if (budget.MaxWrongAutomaticRate is { } maxWrong && (m.WrongAutomaticRate ?? 0) > maxWrong)
        {
            reasons.Add($"Wrong automatic decisions {m.WrongAutomaticRate:P2} ({m.WrongAutomatic} of {m.Automated}) exceed the budget's {maxWrong:P2}.");
        }

        if (budget.MinAutomationRate is { } minAuto && m.AutomationRate < minAuto)
        {
            reasons.Add($"Automation {m.AutomationRate:P1} is below the budget's {minAuto:P1}.");
        }

        if (budget.MaxP95LatencyMs is { } maxP95 && (m.P95LatencyMs ?? 0) > maxP95)
        {
            reasons.Add($"p95 decision latency {m.P95LatencyMs:F0} ms exceeds the budget's {maxP95:F0} ms.");
        }

        if (budget.NoNewlyFailingCritical && NewlyFailingCritical > 0)
        {
            reasons.Add($"{NewlyFailingCritical} case(s) tagged critical newly fail (the baseline got them right): {string.Join(", ", NewlyFailing.Where(c => c.Tags.Contains(CriticalTag)).Take(10).Select(c => $"#{c.Number}"))}.");
        }

        return new BudgetVerdict(reasons.Count == 0, reasons);
    }

    private static ShadowResult Parse(string json) =>
        JsonSerializer.Deserialize<ShadowResult>(json, ShadowJson.Options) ?? throw new JsonException("Empty shadow result.");
}
