using System.Text.Json.Nodes;
using Designer.Runtime.ChatModels;

namespace Designer.Runtime.Tests.ChatModels;

internal sealed class RecordingChatAudit : IChatAuditSink
{
    public System.Collections.Concurrent.ConcurrentQueue<JsonObject> Entries { get; } = new();

    public Task AppendAsync(string runId, string nodeId, JsonObject data, CancellationToken cancellationToken)
    {
        Entries.Enqueue((JsonObject)data.DeepClone());
        return Task.CompletedTask;
    }
}
