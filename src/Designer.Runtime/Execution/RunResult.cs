using System.Text.Json.Nodes;
using Designer.Runtime.HumanTasks;

namespace Designer.Runtime.Execution;

/// <summary>The outcome of a start or resume call.</summary>
/// <param name="Status">Where the run stands.</param>
/// <param name="Output">The run output, when completed.</param>
/// <param name="EndNode">The end node that produced it.</param>
/// <param name="PendingRequest">The open human request, when waiting.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="LastCheckpointId">The newest checkpoint written.</param>
public sealed record RunResult(
    string RunId,
    WorkflowRunStatus Status,
    JsonObject? Output,
    string? EndNode,
    HumanGateRequest? PendingRequest,
    string? Error,
    string? LastCheckpointId);
