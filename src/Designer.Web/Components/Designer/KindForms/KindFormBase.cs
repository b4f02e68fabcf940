using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>
/// Base of the typed per-kind forms: reads values from the node's config and reports every edit as a new config
/// object (never mutating the one it was given), which the workspace applies to the model and the canvas.
/// </summary>
public abstract class KindFormBase : ComponentBase
{
    /// <summary>Config.</summary>
    [Parameter]
    public JsonObject Config { get; set; } = [];

    /// <summary>Read only.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>Config changed.</summary>
    [Parameter]
    public EventCallback<JsonObject> ConfigChanged { get; set; }

    /// <summary>Str.</summary>
    protected string? Str(string key) => Config[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Int.</summary>
    protected int? Int(string key) => Num(key) is { } d ? (int)d : null;

    /// <summary>Num.</summary>
    protected double? Num(string key) =>
        Config[key] is JsonValue v && v.TryGetValue<double>(out var d) ? d
        : Str(key) is { } s && double.TryParse(s, CultureInfo.InvariantCulture, out var p) ? p : null;

    /// <summary>Bool.</summary>
    protected bool Bool(string key) => Config[key] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>List.</summary>
    protected IReadOnlyList<string> List(string key) =>
        Config[key] is JsonArray a ? [.. a.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : n?.ToJsonString() ?? string.Empty)] : [];

    /// <summary>Set async.</summary>
    protected Task SetAsync(string key, JsonNode? value)
    {
        var copy = (JsonObject)Config.DeepClone();
        if (value is null || (value is JsonValue v && v.TryGetValue<string>(out var s) && string.IsNullOrEmpty(s)))
        {
            copy.Remove(key);
        }
        else
        {
            copy[key] = value;
        }

        return ConfigChanged.InvokeAsync(copy);
    }

    /// <summary>Set list async.</summary>
    protected Task SetListAsync(string key, string? commaSeparated) =>
        SetAsync(key, string.IsNullOrWhiteSpace(commaSeparated)
            ? null
            : new JsonArray([.. commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(x => (JsonNode)JsonValue.Create(x))]));
}
