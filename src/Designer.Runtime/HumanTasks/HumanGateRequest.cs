using System.Text.Json.Serialization;

namespace Designer.Runtime.HumanTasks;

/// <summary>What a human gate asks for; surfaces as a MAF <c>RequestInfoEvent</c> and becomes an inbox task.</summary>
/// <param name="AssigneeRole">Role whose members may decide.</param>
/// <param name="Instructions">Rendered instructions.</param>
/// <param name="Decisions">Decision options offered.</param>
/// <param name="EditableFields">Fields the assignee may set.</param>
/// <param name="SlaMinutes">Minutes before <paramref name="TimeoutAction"/> applies, if any.</param>
/// <param name="TimeoutAction">timeout, approve or reject.</param>
/// <param name="RequestedAt">When the gate was reached.</param>
/// <param name="IdempotencyKey">runId:nodeId:attempt.</param>
public sealed record HumanGateRequest(
    [property: JsonPropertyName("runId")] string RunId,
    [property: JsonPropertyName("nodeId")] string NodeId,
    [property: JsonPropertyName("assigneeRole")] string AssigneeRole,
    [property: JsonPropertyName("instructions")] string Instructions,
    [property: JsonPropertyName("decisions")] IReadOnlyList<string> Decisions,
    [property: JsonPropertyName("editableFields")] IReadOnlyList<string> EditableFields,
    [property: JsonPropertyName("slaMinutes")] int? SlaMinutes,
    [property: JsonPropertyName("timeoutAction")] string TimeoutAction,
    [property: JsonPropertyName("requestedAt")] DateTimeOffset RequestedAt,
    [property: JsonPropertyName("idempotencyKey")] string IdempotencyKey);
