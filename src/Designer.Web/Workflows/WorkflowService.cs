using System.Security.Claims;
using System.Text.Json.Nodes;
using Designer.Web.Api;
using Designer.Web.Identity;

namespace Designer.Web.Workflows;

/// <summary>
/// Workflows and their drafts, for the API and the pages alike: parses and validates definitions with the same C#
/// validator everywhere, checks roles again (the endpoints' policies are the first line, not the only one).
/// </summary>
internal sealed class WorkflowService(IWorkflowStore store, WorkflowValidator validator)
{
    public Task<Page<WorkflowSummary>> ListAsync(int page, int pageSize, string? search, CancellationToken cancellationToken) =>
        store.ListWorkflowsAsync(page, pageSize, search, cancellationToken);

    public async Task<OperationResult<WorkflowRecord>> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await store.GetWorkflowAsync(id, cancellationToken) is { } workflow
            ? workflow
            : OperationError.NotFound($"Workflow {id} does not exist.");

    public async Task<OperationResult<WorkflowRecord>> CreateAsync(
        ClaimsPrincipal user, string? name, string? description, string? definitionJson, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(DesignerRoles.Author))
        {
            return OperationError.Forbidden("Only authors create workflows.");
        }

        var definition = Drafts.Blank(name ?? string.Empty, description);
        if (!string.IsNullOrWhiteSpace(definitionJson))
        {
            var parsed = WorkflowJson.Parse(definitionJson);
            if (!parsed.IsWellFormed)
            {
                return OperationError.Invalid("The definition is not well-formed.", parsed.Problems.ToOperationProblems());
            }

            definition = parsed.Definition!;
            definition.Name = string.IsNullOrWhiteSpace(name) ? definition.Name : name;
            definition.Description = description ?? definition.Description;
        }

        var nameProblems = Drafts.CheckName(definition.Name);
        if (nameProblems.Count > 0)
        {
            return OperationError.Invalid("The workflow needs a name.", nameProblems.ToOperationProblems());
        }

        var created = await store.CreateWorkflowAsync(
            definition.Name, definition.Description, WorkflowJson.Serialize(definition), user.ToActor(), cancellationToken);
        return created.Workflow;
    }

    /// <summary>Creates a workflow from a document in our format or Elsa 3's; skipped Elsa activities are reported.</summary>
    public async Task<OperationResult<ImportedWorkflow>> ImportAsync(
        ClaimsPrincipal user, string format, string body, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(DesignerRoles.Author))
        {
            return OperationError.Forbidden("Only authors import workflows.");
        }

        WorkflowDefinition? definition;
        IReadOnlyList<ValidationProblem> warnings = [];
        switch (format.ToLowerInvariant())
        {
            case "designer":
                var parsed = WorkflowJson.Parse(body);
                (definition, warnings) = (parsed.IsWellFormed ? parsed.Definition : null, parsed.Problems);
                break;
            case "elsa":
                var imported = new ElsaFlowchartConverter().Import(body);
                (definition, warnings) = (imported.Definition, imported.Problems);
                break;
            default:
                return OperationError.Invalid($"Unknown format '{format}'; use 'designer' or 'elsa'.");
        }

        if (definition is null)
        {
            return OperationError.Invalid("The document could not be imported.", warnings.ToOperationProblems());
        }

        var nameProblems = Drafts.CheckName(definition.Name);
        if (nameProblems.Count > 0)
        {
            return OperationError.Invalid("The imported workflow needs a name.", nameProblems.ToOperationProblems());
        }

        var audit = new JsonObject { ["format"] = format.ToLowerInvariant(), ["skipped"] = warnings.Count };
        var created = await store.ImportWorkflowAsync(
            definition.Name, definition.Description, WorkflowJson.Serialize(definition), user.ToActor(), audit, cancellationToken);
        return new ImportedWorkflow(created.Workflow, warnings, validator.Validate(definition));
    }

    public async Task<OperationResult<DraftView>> GetDraftAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await store.GetDraftAsync(id, cancellationToken) is not { } draft)
        {
            return OperationError.NotFound($"Workflow {id} does not exist.");
        }

        var parsed = WorkflowJson.Parse(draft.DefinitionJson);
        var problems = parsed.IsWellFormed ? validator.Validate(parsed.Definition!) : parsed.Problems;
        return new DraftView(id, draft.ETag, parsed.Definition, problems, draft.UpdatedByName, draft.UpdatedAt);
    }

    /// <summary>Saves a well-formed draft even when it is invalid (autosave); a stale ETag never overwrites.</summary>
    public async Task<OperationResult<DraftSaved>> SaveDraftAsync(
        ClaimsPrincipal user, Guid id, string json, string? ifMatch, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(DesignerRoles.Author))
        {
            return OperationError.Forbidden("Only authors edit drafts.");
        }

        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return new OperationError(OperationErrorKind.PreconditionRequired,
                "Saving a draft requires the If-Match header with the draft's ETag.");
        }

        var parsed = WorkflowJson.Parse(json);
        if (!parsed.IsWellFormed)
        {
            return OperationError.Invalid("The draft is not well-formed.", parsed.Problems.ToOperationProblems());
        }

        var definition = parsed.Definition!;
        var saved = await store.SaveDraftAsync(
            id, WorkflowJson.Serialize(definition), ETags.Parse(ifMatch), user.ToActor(), cancellationToken);
        return saved switch
        {
            SaveDraftResult.Saved ok => new DraftSaved(ok.ETag, validator.Validate(definition)),
            SaveDraftResult.Conflict conflict => OperationError.Conflict(
                "Someone else saved this draft meanwhile; reload it or overwrite with its current ETag.",
                new Dictionary<string, object?> { ["currentETag"] = ETags.Format(conflict.CurrentETag) }),
            _ => OperationError.NotFound($"Workflow {id} does not exist."),
        };
    }

    /// <summary>Validates the posted definition, or the stored draft when nothing is posted.</summary>
    public async Task<OperationResult<IReadOnlyList<ValidationProblem>>> ValidateAsync(
        Guid id, string? json, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            var draft = await GetDraftAsync(id, cancellationToken);
            return draft.IsSuccess
                ? OperationResult<IReadOnlyList<ValidationProblem>>.Success(draft.Value!.Problems)
                : draft.Error!;
        }

        if (await store.GetWorkflowAsync(id, cancellationToken) is null)
        {
            return OperationError.NotFound($"Workflow {id} does not exist.");
        }

        var parsed = WorkflowJson.Parse(json);
        return parsed.IsWellFormed
            ? OperationResult<IReadOnlyList<ValidationProblem>>.Success(validator.Validate(parsed.Definition!))
            : OperationError.Invalid("The draft is not well-formed.", parsed.Problems.ToOperationProblems());
    }
}
