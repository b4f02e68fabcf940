namespace Designer.Workflows.Catalogue.Configs;

/// <summary>
/// Config of an <c>action</c> node: an HTTP call to an admin-approved connection. The definition names the connection
/// and a relative path only; the base URL and any secret live in the host's configuration, never here.
/// </summary>
public sealed class ActionConfig
{
    /// <summary>The methods an action may use (a connection can narrow them further).</summary>
    public static readonly IReadOnlyList<string> Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    /// <summary>Request headers the author may not set: the runtime owns them (auth, host, idempotency, framing).</summary>
    public static readonly IReadOnlyList<string> ReservedHeaders =
        ["authorization", "proxy-authorization", "host", "idempotency-key", "content-length", "transfer-encoding", "cookie", "connection"];

    /// <summary>The output ports.</summary>
    public static readonly IReadOnlyList<string> Ports = ["ok", "client-error", "server-error", "timeout"];

    /// <summary>HTTP method, one of <see cref="Methods"/>.</summary>
    public string Method { get; set; } = "POST";

    /// <summary>Name of a connection under <c>Designer:Actions:Connections</c>.</summary>
    public string Connection { get; set; } = string.Empty;

    /// <summary>Path template relative to the connection's base URL, e.g. <c>refunds/{{input.caseId}}</c>.</summary>
    public string PathTemplate { get; set; } = string.Empty;

    /// <summary>Header name → value template.</summary>
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>Request body template (sent as <see cref="ContentType"/>); none for a bodiless request.</summary>
    public string? BodyTemplate { get; set; }

    /// <summary>Content type of the body.</summary>
    public string ContentType { get; set; } = "application/json";

    /// <summary>
    /// Output field → expression over the run variables plus <c>response</c> (<c>status</c>, <c>body</c>); the results
    /// are stored under <c>nodes.&lt;id&gt;.mapped</c>.
    /// </summary>
    public Dictionary<string, string>? ResponseMapping { get; set; }

    /// <summary>Whole-call timeout in milliseconds, retries included; the connection's when absent.</summary>
    public int? TimeoutMs { get; set; }

    /// <summary>Send <c>Idempotency-Key: runId:nodeId:attempt</c>; also lets a non-idempotent method be retried.</summary>
    public bool SendIdempotencyKey { get; set; } = true;

    /// <summary>
    /// The call that undoes this one (saga): sent on the same connection, newest action first, when the run later
    /// fails or is cancelled after this action answered <c>ok</c>. None when the action needs no undo.
    /// </summary>
    public ActionCompensationConfig? Compensation { get; set; }
}
