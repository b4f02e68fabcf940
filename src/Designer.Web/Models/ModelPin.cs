namespace Designer.Web.Models;

/// <summary>A workflow version whose model node pins a model (and version; null = latest approved).</summary>
/// <remarks><see cref="Chat"/> marks a chat-model reference (<c>chatModel</c> or a fallback), a separate registry.</remarks>
internal sealed record ModelPin(Guid WorkflowId, string WorkflowName, int WorkflowVersion, VersionStatus Status, string NodeId, string Model, int? ModelVersion, bool Chat = false);
