namespace Designer.Web.Models;

/// <summary>A workflow version whose model node refers to this model version (pinned, or "latest" when unpinned).</summary>
internal sealed record ModelUsageResponse(Guid WorkflowId, string WorkflowName, int WorkflowVersion, string Status, string NodeId, bool Pinned);
