using System.Security.Claims;
using System.Text.Json.Nodes;
using Designer.Runtime.Executors;
using Designer.Web.Api;
using Designer.Web.Identity;
using Designer.Workflows.Catalogue;
using Microsoft.Extensions.Options;

namespace Designer.Web.Evaluations;

/// <summary>
/// Creates and reads evaluation datasets. Every case is checked against the workflow's start schema (the active
/// version's, else the draft's) and its expected End node against that definition's End nodes; one bad case and
/// nothing is stored, and the ProblemDetails lists each bad case.
/// </summary>
internal sealed class DatasetService(IEvaluationStore store, IWorkflowStore workflows, IRunStore runs, IOptions<EvaluationOptions> options)
{
    public static bool MayEdit(ClaimsPrincipal user) => user.IsInRole(DesignerRoles.Author) || user.IsInRole(DesignerRoles.Approver);

    public async Task<OperationResult<(DatasetRecord Dataset, int Skipped)>> CreateAsync(ClaimsPrincipal user, JsonObject body, CancellationToken cancellationToken)
    {
        if (!MayEdit(user))
        {
            return OperationError.Forbidden("Only authors and approvers create datasets.");
        }

        var (request, problems) = CreateDatasetRequest.Read(body, options.Value.MaxRunsPerImport);
        if (request is null)
        {
            return OperationError.Invalid("The dataset request is invalid; nothing was saved.", problems.ToOperationProblems());
        }

        if (await ReferenceAsync(request.WorkflowId, cancellationToken) is not { } reference)
        {
            return OperationError.Invalid($"Workflow {request.WorkflowId} does not exist or has no definition.",
                [new OperationProblem("dataset.workflowId", "No such workflow.", Field: "workflowId")]);
        }

        var skipped = 0;
        List<CaseInput> cases;
        if (request.FromRuns is { } filter)
        {
            (cases, skipped) = await FromRunsAsync(request.WorkflowId, filter, cancellationToken);
        }
        else if (request.Csv is { } csv)
        {
            cases = CsvCases.Read(csv, StartSchema(reference), problems);
        }
        else
        {
            cases = [.. request.Cases!];
        }

        problems.AddRange(Check(cases, reference));
        if (problems.Count == 0 && cases.Count == 0)
        {
            problems.Add(new ValidationProblem("dataset.empty", "The dataset would have no cases.", Field: "cases"));
        }

        if (cases.Count > options.Value.MaxCasesPerDataset)
        {
            problems.Add(new ValidationProblem("dataset.size", $"At most {options.Value.MaxCasesPerDataset:N0} cases per dataset.", Field: "cases"));
        }

        if (problems.Count > 0)
        {
            return OperationError.Invalid($"{problems.Count} problem(s) in the dataset; nothing was saved.", problems.ToOperationProblems());
        }

        var dataset = await store.CreateDatasetAsync(request.Name, request.WorkflowId, request.Description, ToNew(cases, request.FromRuns is null ? (request.Csv is null ? "upload" : "csv") : null), user.ToActor(), cancellationToken);
        return (dataset, skipped);
    }

    public async Task<OperationResult<DatasetRecord>> AddCasesAsync(ClaimsPrincipal user, Guid id, JsonNode? body, CancellationToken cancellationToken)
    {
        if (!MayEdit(user))
        {
            return OperationError.Forbidden("Only authors and approvers change datasets.");
        }

        if (await store.GetDatasetAsync(id, cancellationToken) is not { } dataset)
        {
            return OperationError.NotFound($"Dataset {id} does not exist.");
        }

        if (dataset.IsFrozen)
        {
            return OperationError.Conflict($"Dataset '{dataset.Name}' v{dataset.Version} was used by an evaluation and is immutable; create a new version to change it.");
        }

        var problems = new List<ValidationProblem>();
        var cases = AddCasesRequest.Read(body, problems);
        if (await ReferenceAsync(dataset.WorkflowId, cancellationToken) is not { } reference)
        {
            return OperationError.Conflict($"The dataset's workflow {dataset.WorkflowId} no longer has a definition.");
        }

        problems.AddRange(Check(cases, reference));
        if (problems.Count == 0 && cases.Count == 0)
        {
            problems.Add(new ValidationProblem("dataset.empty", "Send at least one case.", Field: "cases"));
        }

        if (dataset.CaseCount + cases.Count > options.Value.MaxCasesPerDataset)
        {
            problems.Add(new ValidationProblem("dataset.size", $"At most {options.Value.MaxCasesPerDataset:N0} cases per dataset.", Field: "cases"));
        }

        if (problems.Count > 0)
        {
            return OperationError.Invalid($"{problems.Count} problem(s) in the cases; nothing was saved.", problems.ToOperationProblems());
        }

        var added = await store.AddCasesAsync(id, ToNew(cases, "upload"), user.ToActor(), cancellationToken);
        return added.IsSuccess
            ? added.Value
            : added.Error.Kind == OperationErrorKind.NotFound ? OperationError.NotFound(added.Error.Detail) : OperationError.Conflict(added.Error.Detail);
    }

    /// <summary>
    /// A reviewer fixes one case's expected End node (<c>{ "expected": { "end": "block" } }</c>) while the dataset is
    /// unused; the End node must be one of the workflow's. Frozen → 409 that says to copy it.
    /// </summary>
    public async Task<OperationResult<DatasetCaseRecord>> RelabelAsync(ClaimsPrincipal user, Guid id, int number, JsonObject body, CancellationToken cancellationToken)
    {
        if (!MayEdit(user))
        {
            return OperationError.Forbidden("Only authors and approvers change dataset labels.");
        }

        if (await store.GetDatasetAsync(id, cancellationToken) is not { } dataset)
        {
            return OperationError.NotFound($"Dataset {id} does not exist.");
        }

        if (dataset.IsFrozen)
        {
            return OperationError.Conflict(FrozenMessage(dataset));
        }

        // A wrongly typed body has no End node, which the one label problem below says.
        var end = ApiJson.Bind<RelabelCaseRequest>(body, "case", [])?.Expected?.End?.Trim();
        var reference = await ReferenceAsync(dataset.WorkflowId, cancellationToken);
        var ends = EndNodes(reference);
        if (string.IsNullOrEmpty(end) || !ends.Contains(end))
        {
            return OperationError.Invalid("The label is invalid; nothing was changed.",
                [new OperationProblem("case.expected.end", $"expected.end must be an End node of the workflow ({string.Join(", ", ends)}).", Field: "expected.end")]);
        }

        var changed = await store.RelabelCaseAsync(id, number, end, user.ToActor(), cancellationToken);
        return changed.IsSuccess
            ? changed.Value
            : changed.Error.Kind == OperationErrorKind.NotFound ? OperationError.NotFound(changed.Error.Detail) : OperationError.Conflict(changed.Error.Detail);
    }

    /// <summary>
    /// Copies a dataset (used or not) to the next version of its name, cases, labels and label sources unchanged, so a
    /// frozen dataset can be changed in the copy; audited as a dataset creation.
    /// </summary>
    public async Task<OperationResult<DatasetRecord>> CopyAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        if (!MayEdit(user))
        {
            return OperationError.Forbidden("Only authors and approvers copy datasets.");
        }

        if (await store.GetDatasetAsync(id, cancellationToken) is not { } dataset)
        {
            return OperationError.NotFound($"Dataset {id} does not exist.");
        }

        var cases = await store.ListCasesAsync(id, cancellationToken);
        var copy = cases.Select(c => new NewDatasetCase(c.InputJson, c.ExpectedEnd, c.ExpectedOutputJson, c.Tags, c.SourceRunId, c.LabelSource)).ToList();
        var description = $"Copy of v{dataset.Version}" + (dataset.Description is { } d ? $": {d}" : string.Empty);

        // Descriptions are at most 2,000 characters (as the create request checks).
        return await store.CreateDatasetAsync(dataset.Name, dataset.WorkflowId, description.Length > 2000 ? description[..2000] : description, copy, user.ToActor(), cancellationToken);
    }

    /// <summary>The End node ids of <paramref name="reference"/>, sorted; empty without one.</summary>
    public static IReadOnlyList<string> EndNodes(WorkflowDefinition? reference) =>
        reference is null ? [] : [.. reference.Nodes.Where(n => n.Kind == NodeKinds.End).Select(n => n.Id).Order(StringComparer.Ordinal)];

    /// <summary>Why a used dataset cannot change.</summary>
    public static string FrozenMessage(DatasetRecord dataset) =>
        $"Dataset '{dataset.Name}' v{dataset.Version} was used by an evaluation and is immutable; copy it to a new version to change it.";

    /// <summary>Every problem of every case: input against the start schema, expected End node among the End nodes.</summary>
    public static List<ValidationProblem> Check(IReadOnlyList<CaseInput> cases, WorkflowDefinition reference)
    {
        var schema = StartSchema(reference);
        var ends = reference.Nodes.Where(n => n.Kind == NodeKinds.End).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var problems = new List<ValidationProblem>();
        foreach (var c in cases)
        {
            foreach (var problem in InputSchemaValidator.Validate(schema, c.Input))
            {
                problems.Add(new ValidationProblem("case.input", problem, Field: $"{c.Path}.input"));
            }

            if (c.ExpectedEnd is { } end && !ends.Contains(end))
            {
                problems.Add(new ValidationProblem("case.expected.end", $"'{end}' is not an End node of the workflow ({string.Join(", ", ends.Order(StringComparer.Ordinal))}).", Field: $"{c.Path}.expected.end"));
            }
        }

        return problems;
    }

    public static JsonObject? StartSchema(WorkflowDefinition definition) =>
        definition.Nodes.FirstOrDefault(n => n.Kind == NodeKinds.Start)?.Config["inputSchema"] as JsonObject;

    /// <summary>The definition cases are checked against: the active version, else the draft.</summary>
    public async Task<WorkflowDefinition?> ReferenceAsync(Guid workflowId, CancellationToken cancellationToken)
    {
        if (await workflows.GetWorkflowAsync(workflowId, cancellationToken) is not { } workflow)
        {
            return null;
        }

        var json = workflow.ActiveVersion is { } active
            ? (await workflows.GetVersionAsync(workflowId, active, cancellationToken))?.CanonicalJson
            : (await workflows.GetDraftAsync(workflowId, cancellationToken))?.DefinitionJson;
        var parsed = json is null ? null : WorkflowJson.Parse(json);
        return parsed is { IsWellFormed: true } ? parsed.Definition : null;
    }

    private async Task<(List<CaseInput> Cases, int Skipped)> FromRunsAsync(Guid workflowId, RunFilter filter, CancellationToken cancellationToken)
    {
        var query = new RunQuery(workflowId, filter.Status, filter.Version, filter.From, filter.To);
        var cases = new List<CaseInput>();
        var skipped = 0;
        for (var page = 1; cases.Count < filter.Max; page++)
        {
            var batch = await runs.ListRunsAsync(query, page, 200, cancellationToken);
            foreach (var run in batch.Items)
            {
                if (cases.Count >= filter.Max)
                {
                    break;
                }

                // Only a run that reached an End node has an outcome to learn from.
                if (run.EndNode is null || JsonNode.Parse(run.InputJson) is not JsonObject input)
                {
                    skipped++;
                    continue;
                }

                var tags = new List<string>();
                if (run.HumanDecided)
                {
                    // The End node was reached through the person's decision, so it is the human label.
                    var tasks = await runs.ListTasksAsync(null, run.Id, 1, 20, cancellationToken);
                    tags.AddRange(tasks.Items.Where(t => t.Decision is not null).Select(t => $"human:{t.Decision}"));
                }

                cases.Add(new CaseInput($"run {run.Id}", input, run.EndNode, null, tags) { SourceRunId = run.Id, LabelSource = run.HumanDecided ? "human" : "outcome" });
            }

            if (batch.Items.Count < 200)
            {
                break;
            }
        }

        return (cases, skipped);
    }

    private static List<NewDatasetCase> ToNew(IReadOnlyList<CaseInput> cases, string? source) =>
        [.. cases.Select(c => new NewDatasetCase(
            c.Input.ToJsonString(), c.ExpectedEnd, c.ExpectedOutput?.ToJsonString(), c.Tags, c.SourceRunId, source ?? c.LabelSource ?? "outcome"))];
}
