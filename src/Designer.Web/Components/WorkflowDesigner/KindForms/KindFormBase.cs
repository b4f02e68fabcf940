using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>
/// Base of the typed per-kind forms: reads values from the node's config and reports every edit as a new config
/// object (never mutating the one it was given), which the workspace applies to the model and the canvas.
/// </summary>
public abstract class KindFormBase : ComponentBase
{
    /// <summary>The node's config the form shows; never mutated (edits raise <see cref="ConfigChanged"/> with a copy).</summary>
    [Parameter]
    public JsonObject Config { get; set; } = [];

    /// <summary>Whether the fields only show the config (a read-only user or a version, not the draft).</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>Raised with a new config object after every edit; the workspace applies it to the model and the canvas.</summary>
    [Parameter]
    public EventCallback<JsonObject> ConfigChanged { get; set; }

    /// <summary>A field's text was not applied (message) or is fine again (null); keyed by the field's label.</summary>
    [Parameter]
    public EventCallback<(string Field, string? Message)> FieldProblemChanged { get; set; }

    /// <summary>The string at <paramref name="key"/>, or null when it is absent or not a string.</summary>
    protected string? Str(string key) => Config[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The number at <paramref name="key"/> truncated to an integer, or null when it is not a number.</summary>
    protected int? Int(string key) => Num(key) is { } d ? (int)d : null;

    /// <summary>The number at <paramref name="key"/> (see <see cref="JsonNumber"/>), or null when it is not a number.</summary>
    protected double? Num(string key) => JsonNumber(Config[key]);

    /// <summary>
    /// The number in <paramref name="node"/>, whatever CLR type holds it: a value a form just wrote holds an
    /// <c>int</c>, which <c>TryGetValue&lt;double&gt;</c> refuses (the field went blank after an edit), while a
    /// parsed one holds a JsonElement; numeric text counts too.
    /// </summary>
    internal static double? JsonNumber(JsonNode? node) =>
        node is not JsonValue v ? null
        : v.GetValueKind() == JsonValueKind.Number ? double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
        : v.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p
        : null;

    /// <summary>Whether <paramref name="key"/> holds <c>true</c>; anything else reads as false.</summary>
    protected bool Bool(string key) => Config[key] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>The array at <paramref name="key"/> as strings (non-strings as JSON text), or empty when it is not an array.</summary>
    protected IReadOnlyList<string> List(string key) =>
        Config[key] is JsonArray a ? [.. a.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : n?.ToJsonString() ?? string.Empty)] : [];

    /// <summary>Raises <see cref="ConfigChanged"/> with a copy of the config where <paramref name="key"/> holds <paramref name="value"/>; null or empty text removes the key.</summary>
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
