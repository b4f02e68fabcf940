using System.Text.Json.Nodes;

namespace Designer.Runtime.ChatModels;

/// <summary>Appends one prompt/response pair to the hash-chained audit log.</summary>
public interface IChatAuditSink
{
    /// <summary>Appends the entry; the data holds only the redacted prompt, the raw reply and their hashes.</summary>
    /// <param name="runId">Run.</param>
    /// <param name="nodeId">Node.</param>
    /// <param name="data">Entry data.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task AppendAsync(string runId, string nodeId, JsonObject data, CancellationToken cancellationToken);
}
