using System.Security.Claims;
using System.Text.Json.Nodes;
using Designer.Runtime.Executors;
using Designer.Web.Api;
using Designer.Web.Identity;

namespace Designer.Web.Evaluations;

/// <summary>Starts, reads and cancels evaluations and reads/sets failure budgets; checks roles and input.</summary>
internal sealed class EvaluationService(IEvaluationStore store, IWorkflowStore workflows, WorkflowValidator validator, EvaluationSignal signal)
{
    public async Task<OperationResult<EvaluationRecord>> StartAsync(ClaimsPrincipal user, Guid workflowId, JsonObject body, CancellationToken cancellationToken)
    {
        if (!DatasetService.MayEdit(user))
        {
            return OperationError.Forbidden("Only authors and approvers start evaluations.");
        }

        var problems = new List<ValidationProblem>();
        var start = StartEvaluationRequest.Read(body, problems);
        if (await workflows.GetWorkflowAsync(workflowId, cancellationToken) is null)
        {
            return OperationError.NotFound($"Workflow {workflowId} does not exist.");
        }

        if (start is null)
        {
            return OperationError.Invalid("The evaluation request is invalid; nothing was started.", problems.ToOperationProblems());
        }

        var candidate = await SideAsync(workflowId, start.CandidateVersion, start.CandidateDraft, "candidate", problems, cancellationToken);
        var baseline = start.BaselineVersion is { } b ? await SideAsync(workflowId, b, false, "baseline", problems, cancellationToken) : null;
        var dataset = await store.GetDatasetAsync(start.DatasetId, cancellationToken);
        if (dataset is null)
        {
            problems.Add(new ValidationProblem("evaluation.dataset", $"Dataset {start.DatasetId} does not exist.", Field: "datasetId"));
        }
        else if (dataset.CaseCount == 0)
        {
            problems.Add(new ValidationProblem("evaluation.dataset", "The dataset has no cases.", Field: "datasetId"));
        }

        if (problems.Count == 0 && dataset is not null)
        {
            // Every case must fit the start schema of both sides, or the comparison is meaningless.
            var cases = await store.ListCasesAsync(dataset.Id, cancellationToken);
            foreach (var (side, label) in new[] { (candidate, "candidate"), (baseline, "baseline") })
            {
                if (side is null)
                {
                    continue;
                }

                var schema = DatasetService.StartSchema(side.Value.Definition);
                foreach (var c in cases)
                {
                    foreach (var problem in InputSchemaValidator.Validate(schema, JsonNode.Parse(c.InputJson)))
                    {
                        problems.Add(new ValidationProblem("case.input", $"does not fit the {label}'s start schema: {problem}", Field: $"cases[{c.Number}]"));
                    }
                }
            }
        }

        if (problems.Count > 0)
        {
            return OperationError.Invalid($"{problems.Count} problem(s); nothing was started.", problems.ToOperationProblems());
        }

        var created = await store.CreateEvaluationAsync(
            new NewEvaluation(workflowId, dataset!.Id, start.CandidateVersion, candidate!.Value.Hash, candidate.Value.Json,
                start.BaselineVersion, baseline?.Hash, baseline?.Json),
            user.ToActor(), cancellationToken);
        if (!created.IsSuccess)
        {
            return created.Error.Kind == OperationErrorKind.NotFound ? OperationError.Invalid(created.Error.Detail) : OperationError.Conflict(created.Error.Detail);
        }

        signal.Wake();
        return created.Value;
    }

    public async Task<OperationResult<(EvaluationRecord Evaluation, EvaluationReport? Report, BudgetVerdict? Verdict, DatasetRecord? Dataset)>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await store.GetEvaluationAsync(id, cancellationToken) is not { } evaluation)
        {
            return OperationError.NotFound($"Evaluation {id} does not exist.");
        }

        var (report, verdict) = await ReportAsync(evaluation, cancellationToken);
        return (evaluation, report, verdict, await store.GetDatasetAsync(evaluation.DatasetId, cancellationToken));
    }

    public async Task<(EvaluationReport? Report, BudgetVerdict? Verdict)> ReportAsync(EvaluationRecord evaluation, CancellationToken cancellationToken)
    {
        var results = await store.ListCaseResultsAsync(evaluation.Id, cancellationToken);
        if (results.Count == 0)
        {
            return (null, null);
        }

        var cases = await store.ListCasesAsync(evaluation.DatasetId, cancellationToken);
        var report = EvaluationReport.Build(
            Parse(evaluation.CandidateJson), evaluation.BaselineJson is null ? null : Parse(evaluation.BaselineJson), cases, results);
        return (report, report.Check(await store.GetBudgetAsync(evaluation.WorkflowId, cancellationToken)));
    }

    public async Task<OperationResult<EvaluationRecord>> CancelAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        if (!DatasetService.MayEdit(user))
        {
            return OperationError.Forbidden("Only authors and approvers cancel evaluations.");
        }

        var result = await store.RequestCancelAsync(id, user.ToActor(), cancellationToken);
        if (result.IsSuccess)
        {
            signal.Cancel(id);
            return result.Value;
        }

        return result.Error.Kind == OperationErrorKind.NotFound ? OperationError.NotFound(result.Error.Detail) : OperationError.Conflict(result.Error.Detail);
    }

    public async Task<OperationResult<WorkflowBudgetRecord>> SetBudgetAsync(ClaimsPrincipal user, Guid workflowId, JsonObject body, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(DesignerRoles.Approver))
        {
            return OperationError.Forbidden("Only approvers set failure budgets.");
        }

        if (await workflows.GetWorkflowAsync(workflowId, cancellationToken) is null)
        {
            return OperationError.NotFound($"Workflow {workflowId} does not exist.");
        }

        var problems = new List<ValidationProblem>();
        return BudgetRequest.Read(workflowId, body, problems) is { } budget
            ? await store.SetBudgetAsync(budget, user.ToActor(), cancellationToken)
            : OperationError.Invalid("The failure budget is invalid; nothing was saved.", problems.ToOperationProblems());
    }

    public static WorkflowDefinition Parse(string json) =>
        WorkflowJson.Parse(json).Definition ?? throw new InvalidOperationException("A stored definition is not well-formed.");

    private async Task<(WorkflowDefinition Definition, string Hash, string Json)?> SideAsync(
        Guid workflowId, int? version, bool draft, string field, List<ValidationProblem> problems, CancellationToken cancellationToken)
    {
        if (draft)
        {
            var parsed = (await workflows.GetDraftAsync(workflowId, cancellationToken)) is { } d ? WorkflowJson.Parse(d.DefinitionJson) : null;
            var invalid = parsed is not { IsWellFormed: true } ? parsed?.Problems ?? [] : validator.Validate(parsed.Definition!);
            if (parsed is not { IsWellFormed: true } || invalid.Count > 0)
            {
                problems.Add(new ValidationProblem($"evaluation.{field}", "The draft has problems; fix them before evaluating it.", Field: $"{field}.draft"));
                problems.AddRange(invalid.Select(p => p with { Field = $"{field}.draft" }));
                return null;
            }

            var definition = parsed.Definition!;
            return (definition, ContentHash.Compute(definition), CanonicalJson.Serialize(definition));
        }

        if (await workflows.GetVersionAsync(workflowId, version!.Value, cancellationToken) is not { } record)
        {
            problems.Add(new ValidationProblem($"evaluation.{field}", $"Workflow {workflowId} has no version {version} (a version of another workflow cannot be evaluated here).", Field: $"{field}.version"));
            return null;
        }

        return (Parse(record.CanonicalJson), record.ContentHash, record.CanonicalJson);
    }
}
