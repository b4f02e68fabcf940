using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Designer.Web.Evaluations;

/// <summary>
/// With <c>Designer:Governance:RequireEvaluation</c>, a version is approved only when its latest finished evaluation
/// covered at least <c>MinEvaluationCases</c> cases and meets the workflow's failure budget. A refusal is audited.
/// </summary>
internal sealed class EvaluationGate(IEvaluationStore store, EvaluationService evaluations, IOptions<GovernanceOptions> options)
{
    public async Task<GateStatus> StatusAsync(Guid workflowId, int version, CancellationToken cancellationToken)
    {
        var required = options.Value.RequireEvaluation;
        var minCases = options.Value.MinEvaluationCases;
        var budget = await store.GetBudgetAsync(workflowId, cancellationToken);
        var all = await store.ListEvaluationsAsync(workflowId, version, cancellationToken);
        var latest = all.FirstOrDefault(e => e.Status == EvaluationStatus.Succeeded);
        var reasons = new List<string>();
        EvaluationReport? report = null;
        BudgetVerdict? verdict = null;
        if (latest is null)
        {
            reasons.Add($"Version {version} has no finished evaluation; evaluate it against the active version first.");
        }
        else
        {
            (report, verdict) = await evaluations.ReportAsync(latest, cancellationToken);
            if (latest.Total < minCases)
            {
                reasons.Add($"Its latest evaluation covered {latest.Total} case(s); at least {minCases} are required.");
            }

            reasons.AddRange(verdict?.Reasons ?? []);
        }

        return new GateStatus(required, reasons.Count == 0, minCases, latest, report, verdict, budget, reasons);
    }

    /// <summary>Null when the version may be approved; otherwise the refusal (already audited).</summary>
    public async Task<OperationError?> CheckAsync(Guid workflowId, int version, Actor approver, CancellationToken cancellationToken)
    {
        if (!options.Value.RequireEvaluation)
        {
            return null;
        }

        var status = await StatusAsync(workflowId, version, cancellationToken);
        if (status.Passed)
        {
            return null;
        }

        var data = new JsonObject
        {
            ["version"] = version,
            ["evaluationId"] = status.Latest?.Id.ToString(),
            ["reasons"] = new JsonArray([.. status.Reasons.Select(r => (JsonNode?)JsonValue.Create(r))]),
        };
        await store.AuditAsync(approver, EvaluationAuditActions.ApprovalRefused, workflowId, data, cancellationToken);
        var problems = status.Reasons.Select(r => new OperationProblem("approval.evaluation", r, Field: "evaluation")).ToList();
        return new OperationError(
            OperationErrorKind.Conflict,
            $"Version {version} cannot be approved without a passing evaluation: {string.Join(" ", status.Reasons)}",
            problems,
            new Dictionary<string, object?> { ["evaluationId"] = status.Latest?.Id },
            "Evaluation required");
    }
}
