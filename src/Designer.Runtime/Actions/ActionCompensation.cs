using System.Text.Json.Nodes;

namespace Designer.Runtime.Actions;

/// <summary>
/// A compensating call rendered when its action succeeded, kept under <see cref="OutputField"/> of the action's
/// output (so in the run variables and the trace). It holds no secret: the connection's credential is added when sent.
/// </summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Rendered path relative to the connection.</param>
/// <param name="Body">Rendered body, or null for none.</param>
/// <param name="ContentType">Content type of the body.</param>
/// <param name="Headers">Rendered headers.</param>
public sealed record ActionCompensation(string Connection, string Method, string Path, string? Body, string ContentType, JsonObject Headers)
{
    /// <summary>The field of the action's output that holds it.</summary>
    public const string OutputField = "compensation";

    /// <summary>The idempotency key of a node's compensation: one per node and run, whatever the attempt.</summary>
    /// <param name="runId">Run id (formatted).</param>
    /// <param name="nodeId">Action node id.</param>
    /// <returns><c>runId:nodeId:compensate</c>.</returns>
    public static string IdempotencyKeyFor(string runId, string nodeId) => $"{runId}:{nodeId}:compensate";

    /// <summary>The JSON kept in the action's output.</summary>
    public JsonObject ToJson() => new()
    {
        ["connection"] = Connection,
        ["method"] = Method,
        ["path"] = Path,
        ["body"] = Body,
        ["contentType"] = ContentType,
        ["headers"] = Headers.DeepClone(),
    };

    /// <summary>Reads one back from an action's output; null when the output has none or it is malformed.</summary>
    /// <param name="output">The action's output as recorded.</param>
    /// <returns>The compensation, or null.</returns>
    public static ActionCompensation? From(JsonNode? output)
    {
        if (output?[OutputField] is not JsonObject json
            || json["connection"]?.GetValueKind() != System.Text.Json.JsonValueKind.String
            || json["method"]?.GetValueKind() != System.Text.Json.JsonValueKind.String
            || json["path"]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            return null;
        }

        return new ActionCompensation(
            json["connection"]!.GetValue<string>(),
            json["method"]!.GetValue<string>(),
            json["path"]!.GetValue<string>(),
            json["body"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? json["body"]!.GetValue<string>() : null,
            json["contentType"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? json["contentType"]!.GetValue<string>() : "application/json",
            json["headers"] as JsonObject is { } headers ? (JsonObject)headers.DeepClone() : []);
    }
}
