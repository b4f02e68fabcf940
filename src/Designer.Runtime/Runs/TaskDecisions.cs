using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Runtime.HumanTasks;

namespace Designer.Runtime.Runs;

/// <summary>Maps gate requests to tasks and checked task decisions back to gate decisions.</summary>
internal static class TaskDecisions
{
    /// <summary>Longest correction accepted: a corrected draft (a resolution, a reply), not a document.</summary>
    public const int MaxCorrectionLength = 20_000;

    public static NewHumanTask NewTask(Guid runId, HumanGateRequest request, string evidenceJson) => new(
        runId,
        request.NodeId,
        request.IdempotencyKey,
        request.AssigneeRole,
        request.Instructions,
        evidenceJson,
        request.Decisions,
        request.EditableFields,
        request.SlaMinutes is { } minutes ? request.RequestedAt.AddMinutes(minutes) : null);

    /// <summary>Why the decision is not allowed by the task, or null.</summary>
    public static string? Check(HumanTaskRecord task, TaskDecision decision)
    {
        if (!task.Decisions.Contains(decision.Decision, StringComparer.Ordinal))
        {
            return $"'{decision.Decision}' is not one of this task's decisions: {string.Join(", ", task.Decisions)}.";
        }

        if (decision.Correction is { } correction && (correction.Length > MaxCorrectionLength || string.IsNullOrWhiteSpace(correction)))
        {
            return "'correction' must not be blank or longer than 20,000 characters.";
        }

        if (decision.EditsJson is null)
        {
            return null;
        }

        if (JsonNode.Parse(decision.EditsJson) is not JsonObject edits)
        {
            return "'edits' must be a JSON object.";
        }

        var unknown = edits.Select(e => e.Key).Where(k => !task.EditableFields.Contains(k, StringComparer.Ordinal)).ToList();
        return unknown.Count == 0
            ? null
            : $"These fields are not editable in this task: {string.Join(", ", unknown)}; editable: {string.Join(", ", task.EditableFields)}.";
    }

    public static HumanDecision ToHumanDecision(HumanTaskRecord task, Actor actor) => new(
        task.NodeId,
        task.Decision!,
        actor.Name,
        task.Comment,
        task.EditsJson is null ? null : JsonNode.Parse(task.EditsJson) as JsonObject,
        task.Correction);
}
