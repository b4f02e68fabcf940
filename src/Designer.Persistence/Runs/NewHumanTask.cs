namespace Designer.Persistence;

/// <summary>What a gate's request records as a task.</summary>
/// <param name="NodeId">Gate node id.</param>
/// <param name="RequestId">The request's idempotency key (unique).</param>
/// <param name="Role">Assignee role.</param>
/// <param name="Instructions">Rendered instructions.</param>
/// <param name="EvidenceJson">Evidence so far (JSON array).</param>
/// <param name="Decisions">Allowed decisions.</param>
/// <param name="EditableFields">Fields the assignee may set with the decision; the gate copies only these into its output.</param>
/// <param name="Due">SLA due time, if any.</param>
public sealed record NewHumanTask(
    Guid RunId,
    string NodeId,
    string RequestId,
    string Role,
    string Instructions,
    string EvidenceJson,
    IReadOnlyList<string> Decisions,
    IReadOnlyList<string> EditableFields,
    DateTimeOffset? Due);
