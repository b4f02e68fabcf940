using System.Text.Json.Nodes;
using Designer.Web.Actions;
using Designer.Workflows.Catalogue.Configs;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>
/// Action (issue 16): connection (picker over the admin-approved list, names and base URLs only), method, path,
/// headers, body, response mapping, timeout, the idempotency key switch and the optional compensating call.
/// </summary>
public sealed partial class ActionForm : KindFormBase
{
    private IReadOnlyList<ActionConnectionSummary>? _connections;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    private static IReadOnlyList<string> Methods => ActionConfig.Methods;

    private string ConnectionHelp =>
        _connections?.FirstOrDefault(c => c.Name == Str(Key.Connection)) is { } chosen
            ? $"Calls {chosen.BaseUrl}" + (chosen.AllowedMethods.Count > 0 ? $" ({string.Join(", ", chosen.AllowedMethods)})" : string.Empty)
            : "An admin-approved connection";

    private JsonObject? Compensation => Config[Key.Compensation] as JsonObject;

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        // Optional, like the collection picker: hosts without the catalogue get a free-text field.
        if (Services.GetService(typeof(ActionConnectionCatalog)) is ActionConnectionCatalog catalogue)
        {
            _connections = catalogue.List();
        }
    }

    private string? CompensationStr(string key) => Compensation?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    // Switching on writes an empty path on purpose: the validator then asks for it, next to the field.
    private Task SetCompensationEnabledAsync(bool on) =>
        SetAsync(Key.Compensation, on ? new JsonObject { [Key.Method] = "POST", [Key.PathTemplate] = string.Empty } : null);

    private Task SetCompensationAsync(string key, string? value)
    {
        var copy = (JsonObject?)Compensation?.DeepClone() ?? [];
        if (string.IsNullOrEmpty(value))
        {
            copy.Remove(key);
        }
        else
        {
            copy[key] = value;
        }

        return SetAsync(Key.Compensation, copy);
    }

    private static class Key
    {
        public const string Connection = "connection";
        public const string Method = "method";
        public const string PathTemplate = "pathTemplate";
        public const string Headers = "headers";
        public const string BodyTemplate = "bodyTemplate";
        public const string ResponseMapping = "responseMapping";
        public const string TimeoutMs = "timeoutMs";
        public const string SendIdempotencyKey = "sendIdempotencyKey";
        public const string Compensation = "compensation";
    }
}
