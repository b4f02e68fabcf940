using System.Text.Json.Nodes;

namespace Designer.Runtime.ChatModels;

/// <summary>Appends one prompt/response pair to the hash-chained audit log.</summary>
public interface IChatAuditSink
{
    /// <summary>Appends the entry; the data holds only the redacted prompt, the raw reply and their hashes.</summary>
    /// <param name="data">Entry data.</param>
    Task AppendAsync(string runId, string nodeId, JsonObject data, CancellationToken cancellationToken);
}
