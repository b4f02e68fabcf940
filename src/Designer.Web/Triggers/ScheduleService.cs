using System.Security.Claims;
using System.Text.Json.Nodes;
using Designer.Runtime.Executors;
using Designer.Web.Evaluations;
using Designer.Web.Identity;

namespace Designer.Web.Triggers;

/// <summary>
/// Creates, lists, changes and deletes schedule triggers (issue 16). Everything is checked before anything is stored
/// and every problem is named at once: the cron expression (Cronos), the IANA time zone, the missed-occurrence policy
/// and the input against the start schema of the version that would run (the active one, else the draft).
/// </summary>
internal sealed class ScheduleService(IWorkflowScheduleStore store, IWorkflowStore workflows, TimeProvider time)
{
    /// <summary>Creates a schedule; <paramref name="bindingProblems"/> (wrongly typed properties) are reported with the rest.</summary>
    public async Task<OperationResult<ScheduleResponse>> CreateAsync(
        ClaimsPrincipal user, Guid workflowId, ScheduleRequest request, IReadOnlyList<OperationProblem> bindingProblems, CancellationToken cancellationToken)
    {
        var checkedBody = await CheckAsync(workflowId, request, bindingProblems, cancellationToken);
        if (checkedBody.Error is { } error)
        {
            return error;
        }

        var created = await store.CreateAsync(workflowId, checkedBody.Value!, user.ToActor(), cancellationToken);
        return created.IsSuccess ? ScheduleResponse.From(created.Value, time.GetUtcNow()) : Error(created.Error);
    }

    public async Task<IReadOnlyList<ScheduleResponse>> ListAsync(Guid workflowId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return [.. (await store.ListAsync(workflowId, cancellationToken)).Select(s => ScheduleResponse.From(s, now))];
    }

    /// <summary>The schedule's latest claimed occurrences, newest first: the run each started, or why none started.</summary>
    public async Task<OperationResult<IReadOnlyList<ScheduleOccurrenceRecord>>> ListOccurrencesAsync(Guid workflowId, Guid scheduleId, int take, CancellationToken cancellationToken)
    {
        if (!(await store.ListAsync(workflowId, cancellationToken)).Any(s => s.Id == scheduleId))
        {
            return OperationError.NotFound($"Workflow {workflowId} has no schedule {scheduleId}.");
        }

        // Built explicitly: C# has no implicit conversion from an interface type such as IReadOnlyList.
        return OperationResult<IReadOnlyList<ScheduleOccurrenceRecord>>.Success(await store.ListOccurrencesAsync(scheduleId, take, cancellationToken));
    }

    /// <summary>Replaces a schedule; <paramref name="bindingProblems"/> (wrongly typed properties) are reported with the rest.</summary>
    public async Task<OperationResult<ScheduleResponse>> UpdateAsync(
        ClaimsPrincipal user, Guid workflowId, Guid scheduleId, ScheduleRequest request, IReadOnlyList<OperationProblem> bindingProblems, CancellationToken cancellationToken)
    {
        var checkedBody = await CheckAsync(workflowId, request, bindingProblems, cancellationToken);
        if (checkedBody.Error is { } error)
        {
            return error;
        }

        var updated = await store.UpdateAsync(workflowId, scheduleId, checkedBody.Value!, user.ToActor(), cancellationToken);
        return updated.IsSuccess ? ScheduleResponse.From(updated.Value, time.GetUtcNow()) : Error(updated.Error);
    }

    public async Task<OperationResult<ScheduleResponse>> DeleteAsync(ClaimsPrincipal user, Guid workflowId, Guid scheduleId, CancellationToken cancellationToken)
    {
        var deleted = await store.DeleteAsync(workflowId, scheduleId, user.ToActor(), cancellationToken);
        return deleted.IsSuccess ? ScheduleResponse.From(deleted.Value, time.GetUtcNow()) : Error(deleted.Error);
    }

    private async Task<OperationResult<ScheduleDefinition>> CheckAsync(
        Guid workflowId, ScheduleRequest request, IReadOnlyList<OperationProblem> bindingProblems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<OperationProblem>(bindingProblems);

        // A wrongly typed property is already listed; its value checks would only repeat that.
        void Add(string field, string message)
        {
            if (!bindingProblems.Any(p => p.Field == field))
            {
                problems.Add(new OperationProblem($"schedule.{field}", message, Field: field));
            }
        }

        var name = request.Name?.Trim() is { Length: > 0 and <= 200 } n ? n : null;
        if (name is null)
        {
            Add("name", "name is required: a string of 1 to 200 characters saying what the schedule is for.");
        }

        var cron = request.Cron?.Trim();
        if (ScheduleCron.TryParse(cron, out var cronProblem) is null)
        {
            Add("cron", cronProblem!);
        }

        var zone = request.TimeZone?.Trim();
        if (ScheduleCron.TryFindTimeZone(zone, out var zoneProblem) is null)
        {
            Add("timeZone", zoneProblem!);
        }

        var enabled = request.Enabled ?? true;
        var policy = request.MissedPolicy is null ? ScheduleMissedPolicy.Skip : request.MissedPolicy.Trim();
        if (!ScheduleMissedPolicy.All.Contains(policy, StringComparer.Ordinal))
        {
            Add("missedPolicy", $"missedPolicy must be one of {string.Join(", ", ScheduleMissedPolicy.All)}.");
        }

        var input = request.Input ?? [];
        if (await workflows.GetWorkflowAsync(workflowId, cancellationToken) is not { } workflow)
        {
            return OperationError.NotFound($"Workflow {workflowId} does not exist.");
        }

        if (!bindingProblems.Any(p => p.Field == "input") && await StartSchemaAsync(workflow, cancellationToken) is { } schema)
        {
            problems.AddRange(InputSchemaValidator.Validate(schema, input).Select(p => new OperationProblem("schedule.input", p, Field: "input")));
        }

        if (problems.Count > 0)
        {
            // The binder's messages ("Must be true or false.") do not name their field; the summary does.
            var messages = problems.Select(p => bindingProblems.Contains(p) ? $"{p.Field}: {p.Message}" : p.Message);
            return OperationError.Invalid("The schedule is invalid: " + string.Join("; ", messages), problems);
        }

        return new ScheduleDefinition(name!, cron!, zone!, input.ToJsonString(), enabled, policy);
    }

    /// <summary>The start schema of the version a run would use now: the active one, else the draft.</summary>
    private async Task<JsonObject?> StartSchemaAsync(WorkflowRecord workflow, CancellationToken cancellationToken)
    {
        var json = workflow.ActiveVersion is { } active
            ? (await workflows.GetVersionAsync(workflow.Id, active, cancellationToken))?.CanonicalJson
            : (await workflows.GetDraftAsync(workflow.Id, cancellationToken))?.DefinitionJson;
        var parsed = json is null ? null : WorkflowJson.Parse(json);
        return parsed is { IsWellFormed: true, Definition: { } definition } ? DatasetService.StartSchema(definition) : null;
    }

    private static OperationError Error(OperationError error) => error.Kind switch
    {
        OperationErrorKind.NotFound => OperationError.NotFound(error.Detail),
        _ => OperationError.Conflict(error.Detail),
    };
}
