using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Designer.Inference.Corpus;
using Designer.Inference.Registry;
using Designer.Inference.Serving;
using Designer.Inference.Training;
using Designer.Web.Identity;

namespace Designer.Web.Models;

/// <summary>
/// The model registry for people: list, detail with usage, retrain (authors) and approve / reject (approvers other
/// than the trainer). With the shared database registry (issue 14) every governance action's audit entry commits in
/// the registry change's transaction; with a file registry (tests, tools) it is appended after the change.
/// </summary>
internal sealed class ModelService(
    IModelRegistry registry,
    RiskModelService riskModels,
    IInferenceClient inference,
    IWorkflowStore store,
    IAuditLog audit,
    Evaluations.ModelApprovalGate? approvalGate = null)
{
    public const int MaxDecisions = 10_000;

    // Serialises governance writes of this process, so two approvals of one version cannot both pass the status check.
    private static readonly SemaphoreSlim Governance = new(1, 1);

    public async Task<IReadOnlyList<ModelSummaryResponse>> ListAsync(CancellationToken cancellationToken)
    {
        var versions = await registry.ListAsync(cancellationToken);
        var served = await ServedAsync(cancellationToken);
        return versions.GroupBy(d => d.Id, StringComparer.Ordinal).Select(g =>
        {
            var latest = g.MaxBy(d => d.Version)!;
            var approved = g.Where(d => d.Status == ModelStatus.Approved).MaxBy(d => d.Version);
            var provider = approved is null ? null : served.GetValueOrDefault((approved.Id, approved.Version));
            return new ModelSummaryResponse(g.Key, latest.Kind.ToString(), latest.Labels, g.Count(), approved?.Version,
                g.Count(d => d.Status == ModelStatus.PendingApproval), provider?.Provider, provider?.ProviderReason);
        }).ToList();
    }

    public async Task<OperationResult<ModelDetailResponse>> GetAsync(string id, CancellationToken cancellationToken)
    {
        var versions = (await registry.ListAsync(cancellationToken)).Where(d => d.Id == id).OrderBy(d => d.Version).ToList();
        if (versions.Count == 0)
        {
            return OperationError.NotFound($"Model '{id}' is not registered.");
        }

        var served = await ServedAsync(cancellationToken);
        var pins = await new ModelPinScanner(store).ScanAsync(cancellationToken);
        var latestApproved = versions.Where(d => d.Status == ModelStatus.Approved).MaxBy(d => d.Version)?.Version;
        var items = new List<ModelVersionResponse>();
        foreach (var descriptor in versions)
        {
            var usedBy = pins
                .Where(p => !p.Chat && p.Model == id && (p.ModelVersion ?? latestApproved) == descriptor.Version)
                .Select(p => new ModelUsageResponse(p.WorkflowId, p.WorkflowName, p.WorkflowVersion, p.Status.ToString(), p.NodeId, p.ModelVersion is not null))
                .ToList();
            items.Add(await ToResponseAsync(descriptor, served, usedBy, cancellationToken));
        }

        var newest = versions[^1];
        return new ModelDetailResponse(id, newest.Kind.ToString(), newest.Labels, items);
    }

    public async Task<OperationResult<ModelVersionResponse>> TrainAsync(
        ClaimsPrincipal user, string id, IReadOnlyList<TrainingDecision> decisions, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(DesignerRoles.Author))
        {
            return OperationError.Forbidden("Only authors train models.");
        }

        var existing = (await registry.ListAsync(cancellationToken)).Where(d => d.Id == id).ToList();
        if (existing.Count == 0)
        {
            return OperationError.NotFound($"Model '{id}' is not registered.");
        }

        if (id != RiskModelService.ModelId)
        {
            return OperationError.Invalid($"Model '{id}' has no trainer here; only '{RiskModelService.ModelId}' can be retrained.");
        }

        var (examples, problems) = ToExamples(decisions);
        if (problems.Count > 0)
        {
            return OperationError.Invalid("Some decisions cannot be used for training.", problems);
        }

        var actor = user.ToActor();
        await Governance.WaitAsync(cancellationToken);
        try
        {
            // Documented resampling: the train/calibration/test split is shuffled with the new version's number as
            // seed, so a retrain without new decisions still differs from v1 (a fresh split, not a copy).
            var next = existing.Max(d => d.Version) + 1;
            var options = new RiskTrainingOptions { Seed = (ulong)next };
            JsonObject Data(ModelDescriptor descriptor, RiskModelMetrics metrics) => new()
            {
                ["model"] = id,
                ["version"] = descriptor.Version,
                ["status"] = descriptor.Status.ToString(),
                ["trainingDataSize"] = metrics.TrainCount + metrics.CalibrationCount + metrics.TestCount,
                ["humanDecisions"] = examples.Count,
                ["splitSeed"] = options.Seed,
                ["auc"] = Round(metrics.Auc),
                ["accuracy"] = Round(metrics.Accuracy),
                ["ece"] = Round(metrics.ExpectedCalibrationError),
                ["logLoss"] = Round(metrics.LogLoss),
            };

            ModelDescriptor descriptor;
            if (registry is IAuditedModelRegistry)
            {
                // Issue 14: the new version and its model.trained entry commit together.
                (descriptor, _) = await riskModels.RetrainAsync(examples, actor.Id, options,
                    (d, m) => new ModelAuditEntry(actor.Id, actor.Name, "model.trained", Data(d, m)), cancellationToken);
            }
            else
            {
                (descriptor, var metrics) = await riskModels.RetrainAsync(examples, actor.Id, options, cancellationToken);
                await audit.AppendAsync(actor, "model.trained", "model", EntityId(id, descriptor.Version), Data(descriptor, metrics), cancellationToken);
            }

            return await ToResponseAsync(descriptor, new Dictionary<(string, int), ServedModel>(), [], cancellationToken);
        }
        finally
        {
            Governance.Release();
        }
    }

    public Task<OperationResult<ModelVersionResponse>> ApproveAsync(
        ClaimsPrincipal user, string id, int version, string? comment, CancellationToken cancellationToken) =>
        ReviewAsync(user, id, version, ModelStatus.Approved, comment, cancellationToken);

    public Task<OperationResult<ModelVersionResponse>> RejectAsync(
        ClaimsPrincipal user, string id, int version, string? comment, CancellationToken cancellationToken) =>
        ReviewAsync(user, id, version, ModelStatus.Rejected, comment, cancellationToken);

    private async Task<OperationResult<ModelVersionResponse>> ReviewAsync(
        ClaimsPrincipal user, string id, int version, ModelStatus decision, string? comment, CancellationToken cancellationToken)
    {
        var approving = decision == ModelStatus.Approved;
        if (!user.IsInRole(DesignerRoles.Approver))
        {
            return OperationError.Forbidden(approving ? "Only approvers approve model versions." : "Only approvers reject model versions.");
        }

        if (!approving && string.IsNullOrWhiteSpace(comment))
        {
            return OperationError.Invalid("A rejection needs a comment.",
                [new OperationProblem("comment.required", "A rejection needs a comment.", Field: "comment")]);
        }

        var actor = user.ToActor();
        await Governance.WaitAsync(cancellationToken);
        try
        {
            ModelDescriptor? descriptor;
            try
            {
                descriptor = await registry.GetAsync(id, version, cancellationToken);
            }
            catch (ArgumentException)
            {
                // An id the registry cannot even hold (uppercase, '/', too long) is simply not registered.
                descriptor = null;
            }

            if (descriptor is null || descriptor.Version != version)
            {
                return OperationError.NotFound($"Model '{id}' has no version {version}.");
            }

            if (approving && descriptor.TrainedBy == actor.Id)
            {
                return OperationError.Forbidden("You trained this model version; another approver must approve it (four-eyes rule).");
            }

            if (descriptor.Status != ModelStatus.PendingApproval)
            {
                return OperationError.Conflict($"Model '{id}' v{version} is {descriptor.Status}; only versions pending approval can be reviewed.");
            }

            // Issue 13: with Designer:Governance:RequireEvaluation, the workflow versions the model would serve need passing evaluations.
            if (approving && approvalGate is not null && await approvalGate.CheckAsync(id, version, actor, cancellationToken) is { } refused)
            {
                return refused;
            }

            var data = new JsonObject { ["model"] = id, ["version"] = version, ["trainedBy"] = descriptor.TrainedBy };
            if (!string.IsNullOrWhiteSpace(comment))
            {
                data["comment"] = comment;
            }

            foreach (var key in new[] { "auc", "accuracy", "trainingDataSize" })
            {
                if (descriptor.Metrics.TryGetValue(key, out var value) && double.IsFinite(value))
                {
                    data[key] = Round(value);
                }
            }

            var action = approving ? "model.approved" : "model.rejected";
            ModelDescriptor updated;
            if (registry is IAuditedModelRegistry audited)
            {
                try
                {
                    // Issue 14: the status and its audit entry commit together; the pending status is re-checked inside
                    // the transaction, so two hosts cannot both review one version.
                    updated = await audited.SetStatusAsync(id, version, ModelStatus.PendingApproval, decision,
                        new ModelAuditEntry(actor.Id, actor.Name, action, data), cancellationToken);
                }
                catch (InvalidOperationException ex)
                {
                    return OperationError.Conflict(ex.Message);
                }
            }
            else
            {
                updated = await registry.SetStatusAsync(id, version, decision, actor.Id, cancellationToken);
                await audit.AppendAsync(actor, action, "model", EntityId(id, version), data, cancellationToken);
            }

            return await ToResponseAsync(updated, await ServedAsync(cancellationToken), [], cancellationToken);
        }
        finally
        {
            Governance.Release();
        }
    }

    private static (List<LabelledExample> Examples, List<OperationProblem> Problems) ToExamples(IReadOnlyList<TrainingDecision> decisions)
    {
        var problems = new List<OperationProblem>();
        var examples = new List<LabelledExample>(decisions.Count);
        var corpus = DisputeCorpus.Default.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < decisions.Count; i++)
        {
            var field = $"decisions[{i}].disputeId";
            var decision = decisions[i];
            if (!corpus.TryGetValue(decision.DisputeId, out var record))
            {
                problems.Add(new OperationProblem("training.unknownDispute", $"'{Truncate(decision.DisputeId)}' is not a corpus dispute id (D-000001 … D-{DisputeCorpus.DefaultCount:000000}).", Field: field));
            }
            else if (!seen.Add(decision.DisputeId))
            {
                problems.Add(new OperationProblem("training.duplicateDispute", $"'{decision.DisputeId}' is decided twice.", Field: field));
            }
            else
            {
                examples.Add(LabelledExample.FromDecision(record, decision.HighRisk));
            }
        }

        return (examples, problems);
    }

    private async Task<ModelVersionResponse> ToResponseAsync(
        ModelDescriptor d, IReadOnlyDictionary<(string, int), ServedModel> served, IReadOnlyList<ModelUsageResponse> usedBy, CancellationToken cancellationToken)
    {
        var provider = served.GetValueOrDefault((d.Id, d.Version));
        var trainerName = await TrainerNameAsync(d, cancellationToken);
        var metrics = d.Metrics.Where(m => double.IsFinite(m.Value)).ToDictionary(m => m.Key, m => m.Value);
        return new ModelVersionResponse(d.Id, d.Version, d.Status.ToString(), metrics, d.TrainedBy, trainerName, d.CreatedAt, d.Description,
            d.StatusChangedBy, d.StatusChangedAt, provider?.Provider, provider?.ProviderReason, usedBy);
    }

    /// <summary>The registry keeps the trainer's stable id; the audit entry of the training has their name.</summary>
    private async Task<string> TrainerNameAsync(ModelDescriptor descriptor, CancellationToken cancellationToken)
    {
        if (descriptor.TrainedBy == RiskModelService.BootstrapTrainer)
        {
            return descriptor.TrainedBy;
        }

        var entries = await audit.ListAsync(1, 50, EntityId(descriptor.Id, descriptor.Version), cancellationToken);
        return entries.Items.FirstOrDefault(e => e.Action == "model.trained" && e.ActorId == descriptor.TrainedBy)?.ActorName ?? descriptor.TrainedBy;
    }

    private async Task<IReadOnlyDictionary<(string, int), ServedModel>> ServedAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await inference.ListServedModelsAsync(cancellationToken)).ToDictionary(m => (m.Model, m.Version));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A remote inference host may be down; the registry view must still work, just without providers.
            return new Dictionary<(string, int), ServedModel>();
        }
    }

    public static string EntityId(string id, int version) => $"{id}/v{version.ToString(CultureInfo.InvariantCulture)}";

    private static double Round(double value) => Math.Round(value, 4);

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
