using System.Security.Claims;
using System.Text.Json;
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
    public async Task<OperationResult<ScheduleResponse>> CreateAsync(ClaimsPrincipal user, Guid workflowId, JsonObject body, CancellationToken cancellationToken)
    {
        var checkedBody = await CheckAsync(workflowId, body, cancellationToken);
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

    public async Task<OperationResult<ScheduleResponse>> UpdateAsync(ClaimsPrincipal user, Guid workflowId, Guid scheduleId, JsonObject body, CancellationToken cancellationToken)
    {
        var checkedBody = await CheckAsync(workflowId, body, cancellationToken);
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

    private async Task<OperationResult<ScheduleDefinition>> CheckAsync(Guid workflowId, JsonObject body, CancellationToken cancellationToken)
    {
        var problems = new List<OperationProblem>();
        var name = Text(body, "name") is { Length: > 0 and <= 200 } n ? n : null;
        if (name is null)
        {
            problems.Add(new OperationProblem("schedule.name", "name is required: a string of 1 to 200 characters saying what the schedule is for.", Field: "name"));
        }

        var cron = Text(body, "cron");
        if (ScheduleCron.TryParse(cron, out var cronProblem) is null)
        {
            problems.Add(new OperationProblem("schedule.cron", cronProblem!, Field: "cron"));
        }

        var zone = Text(body, "timeZone");
        if (ScheduleCron.TryFindTimeZone(zone, out var zoneProblem) is null)
        {
            problems.Add(new OperationProblem("schedule.timeZone", zoneProblem!, Field: "timeZone"));
        }

        var enabled = true;
        switch (body["enabled"])
        {
            case null:
                break;
            case JsonValue e when e.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                enabled = e.GetValue<bool>();
                break;
            default:
                problems.Add(new OperationProblem("schedule.enabled", "enabled must be true or false.", Field: "enabled"));
                break;
        }

        var policy = body["missedPolicy"] is null ? ScheduleMissedPolicy.Skip : Text(body, "missedPolicy");
        if (policy is null || !ScheduleMissedPolicy.All.Contains(policy, StringComparer.Ordinal))
        {
            problems.Add(new OperationProblem("schedule.missedPolicy", $"missedPolicy must be one of {string.Join(", ", ScheduleMissedPolicy.All)}.", Field: "missedPolicy"));
        }

        JsonObject input = [];
        switch (body["input"])
        {
            case null:
                break;
            case JsonObject given:
                input = given;
                break;
            default:
                problems.Add(new OperationProblem("schedule.input", "input must be a JSON object (the run input every occurrence starts with).", Field: "input"));
                break;
        }

        if (await workflows.GetWorkflowAsync(workflowId, cancellationToken) is not { } workflow)
        {
            return OperationError.NotFound($"Workflow {workflowId} does not exist.");
        }

        if (await StartSchemaAsync(workflow, cancellationToken) is { } schema)
        {
            problems.AddRange(InputSchemaValidator.Validate(schema, input).Select(p => new OperationProblem("schedule.input", p, Field: "input")));
        }

        if (problems.Count > 0)
        {
            return OperationError.Invalid("The schedule is invalid: " + string.Join("; ", problems.Select(p => p.Message)), problems);
        }

        return new ScheduleDefinition(name!, cron!.Trim(), zone!.Trim(), input.ToJsonString(), enabled, policy!);
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

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>().Trim() : null;

    private static OperationError Error(OperationError error) => error.Kind switch
    {
        OperationErrorKind.NotFound => OperationError.NotFound(error.Detail),
        _ => OperationError.Conflict(error.Detail),
    };
}
