using System.Text.Json.Nodes;
using Designer.Persistence;

namespace Designer.Runtime.ChatModels;

/// <summary>Writes <c>llm.exchange</c> entries into the database audit chain as the runtime actor.</summary>
public sealed class AuditLogChatAuditSink(IAuditLog auditLog) : IChatAuditSink
{
    /// <summary>Audit action of a prompt/response pair.</summary>
    public const string Action = "llm.exchange";

    private static readonly Actor Runtime = new("system:runtime", "Runtime");

    /// <inheritdoc />
    public Task AppendAsync(string runId, string nodeId, JsonObject data, CancellationToken cancellationToken) =>
        auditLog.AppendAsync(Runtime, Action, "run", $"{runId}/{nodeId}", data, cancellationToken);
}
