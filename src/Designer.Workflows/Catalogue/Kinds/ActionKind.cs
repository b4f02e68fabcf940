using Designer.Workflows.Catalogue.Configs;
using static Designer.Workflows.Catalogue.Kinds.Ports;

namespace Designer.Workflows.Catalogue.Kinds;

internal static class ActionKind
{
    public static readonly NodeKindDescriptor Descriptor = new()
    {
        Kind = NodeKinds.Action,
        DisplayName = "Action",
        Group = "Integration",
        Icon = "send",
        Description = "Calls an admin-approved HTTP connection and maps the response into run variables.",
        InputPorts = In,
        OutputPorts = [new("ok", "OK"), new("client-error", "Client error"), new("server-error", "Server error"), new("timeout", "Timeout")],
        ConfigType = typeof(ActionConfig),
        Fields =
        [
            new("method", ConfigFieldTypes.String, true, "GET, POST, PUT, PATCH or DELETE.", "POST"),
            Field("connection", ConfigFieldTypes.String, "Approved connection (configured by an admin).", required: true),
            Field("pathTemplate", ConfigFieldTypes.Template, "Path under the connection's base URL.", required: true),
            Field("headers", ConfigFieldTypes.Object, "Header name to value template."),
            Field("bodyTemplate", ConfigFieldTypes.Template, "Request body template."),
            new("contentType", ConfigFieldTypes.String, false, "Content type of the body.", "application/json"),
            Field("responseMapping", ConfigFieldTypes.Object, "Output field to expression over response and run variables."),
            Field("timeoutMs", ConfigFieldTypes.Integer, "Timeout of the whole call in ms; the connection's when empty."),
            new("sendIdempotencyKey", ConfigFieldTypes.Boolean, false, "Send Idempotency-Key (run:node:attempt).", true),
            Field("compensation", ConfigFieldTypes.Object, "Undo call (method, pathTemplate, headers, bodyTemplate; templates also see response), sent if the run later fails or is cancelled."),
        ],
    };
}
