using System.Text.Json.Nodes;
using Designer.Inference.Registry;
using Designer.Web.Models;
using Microsoft.Extensions.Options;

namespace Designer.Web.Evaluations;

/// <summary>
/// Issue 13 item 3 for models: approving a model version changes what the published workflow versions that pin it
/// (or follow the latest approved version) decide, so the approver sees each one's latest evaluation against its
/// workflow's failure budget. With <c>Designer:Governance:RequireEvaluation</c> the approval is refused (and audited)
/// while one of them has no passing evaluation — the same rule the version gate applies to the workflow version itself.
/// </summary>
/// <remarks>
/// The evaluations shown are the workflow versions' own: a pending model version is not served, so no evaluation can
/// have run it yet. The gate therefore guards against upgrading a model under workflows that never met their budget,
/// not against the new model's own behaviour (its training metrics are on the same screen).
/// </remarks>
internal sealed class ModelApprovalGate(
    IModelRegistry registry, IWorkflowStore workflows, EvaluationGate gate, IAuditLog audit, IOptions<GovernanceOptions> options)
{
    public async Task<ModelGateStatus?> StatusAsync(string model, int version, CancellationToken cancellationToken)
    {
        var versions = (await registry.ListAsync(cancellationToken)).Where(d => d.Id == model).ToList();
        if (!versions.Any(d => d.Version == version))
        {
            return null;
        }

        var latestApproved = versions.Where(d => d.Status == ModelStatus.Approved).Select(d => (int?)d.Version).Max();

        // An unpinned reference picks the version up when approving it makes it the newest approved one.
        var picksUpLatest = latestApproved is null || version > latestApproved;
        var pins = (await new ModelPinScanner(workflows).ScanAsync(cancellationToken))
            .Where(p => !p.Chat && p.Model == model && p.Status == VersionStatus.Published
                && (p.ModelVersion == version || (p.ModelVersion is null && picksUpLatest)))
            .GroupBy(p => (p.WorkflowId, p.WorkflowVersion))
            .Select(g => (Pin: g.First(), Pinned: g.Any(p => p.ModelVersion == version)))
            .OrderBy(p => p.Pin.WorkflowName, StringComparer.Ordinal).ThenBy(p => p.Pin.WorkflowVersion);

        var gates = new List<ModelPinGate>();
        var reasons = new List<string>();
        foreach (var (pin, pinned) in pins)
        {
            var status = await gate.StatusAsync(pin.WorkflowId, pin.WorkflowVersion, cancellationToken);
            gates.Add(new ModelPinGate(pin.WorkflowId, pin.WorkflowName, pin.WorkflowVersion, pinned, status));
            if (!status.Passed)
            {
                var evaluation = status.Latest is { } latest ? $"its evaluation {latest.Id}" : "it";
                reasons.Add($"Workflow '{pin.WorkflowName}' v{pin.WorkflowVersion} ({(pinned ? "pins" : "follows the latest")} {model} v{version}): "
                    + $"{evaluation} does not pass — {string.Join(" ", status.Reasons)}");
            }
        }

        return new ModelGateStatus(model, version, options.Value.RequireEvaluation, reasons.Count == 0, gates, reasons);
    }

    /// <summary>Null when the model version may be approved; otherwise the refusal (already audited).</summary>
    public async Task<OperationError?> CheckAsync(string model, int version, Actor approver, CancellationToken cancellationToken)
    {
        if (!options.Value.RequireEvaluation || await StatusAsync(model, version, cancellationToken) is not { Passed: false } status)
        {
            return null;
        }

        var failing = status.Versions.Where(v => !v.Gate.Passed).ToList();
        var data = new JsonObject
        {
            ["model"] = model,
            ["version"] = version,
            ["workflowVersions"] = new JsonArray([.. failing.Select(v => (JsonNode?)new JsonObject
            {
                ["workflowId"] = v.WorkflowId.ToString(),
                ["workflowVersion"] = v.WorkflowVersion,
                ["pinned"] = v.Pinned,
                ["evaluationId"] = v.Gate.Latest?.Id.ToString(),
                ["reasons"] = new JsonArray([.. v.Gate.Reasons.Select(r => (JsonNode?)JsonValue.Create(r))]),
            })]),
        };
        await audit.AppendAsync(approver, EvaluationAuditActions.ModelApprovalRefused, "model", ModelService.EntityId(model, version), data, cancellationToken);
        var problems = failing.Select(v => new OperationProblem(
            "approval.evaluation", $"Workflow '{v.WorkflowName}' v{v.WorkflowVersion}: {string.Join(" ", v.Gate.Reasons)}",
            Field: $"workflows/{v.WorkflowId}/versions/{v.WorkflowVersion}")).ToList();
        return new OperationError(
            OperationErrorKind.Conflict,
            $"{model} v{version} cannot be approved while a published workflow version using it has no passing evaluation: {string.Join(" ", status.Reasons)}",
            problems,
            new Dictionary<string, object?>
            {
                ["workflowVersions"] = failing.Select(v => new { v.WorkflowId, v.WorkflowVersion, evaluationId = v.Gate.Latest?.Id }).ToList(),
            },
            "Evaluation required");
    }
}
