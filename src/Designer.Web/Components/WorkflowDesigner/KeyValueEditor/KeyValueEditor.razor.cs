using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>Edits a string-to-expression map (input and output mappings).</summary>
public sealed partial class KeyValueEditor : ComponentBase
{
    private string? _newKey;

    /// <summary>The object being edited; null shows no rows. Never mutated: edits raise <see cref="MapChanged"/> with a copy.</summary>
    [Parameter]
    public JsonObject? Map { get; set; }

    /// <summary>Raised with a new object after every edit.</summary>
    [Parameter]
    public EventCallback<JsonObject?> MapChanged { get; set; }

    /// <summary>Caption shown above the rows.</summary>
    [Parameter]
    public string Label { get; set; } = string.Empty;

    /// <summary>Caption of the key column (e.g. Header).</summary>
    [Parameter]
    public string KeyLabel { get; set; } = "Field";

    /// <summary>Caption of the value column.</summary>
    [Parameter]
    public string ValueLabel { get; set; } = "Expression";

    /// <summary>Whether the rows only show the map (no add, edit or remove).</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>The <c>data-testid</c> of the editor; its inputs derive theirs from it.</summary>
    [Parameter]
    public string? TestId { get; set; }

    private IEnumerable<(string Key, string Value)> Items =>
        (Map ?? []).Select(p => (p.Key, p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString() ?? string.Empty));

    private Task SetAsync(string key, string value)
    {
        var copy = (JsonObject?)Map?.DeepClone() ?? [];
        copy[key] = value;
        return MapChanged.InvokeAsync(copy);
    }

    private Task RemoveAsync(string key)
    {
        var copy = (JsonObject?)Map?.DeepClone() ?? [];
        copy.Remove(key);
        return MapChanged.InvokeAsync(copy.Count == 0 ? null : copy);
    }

    private async Task AddAsync()
    {
        var key = _newKey?.Trim();
        _newKey = null;
        if (!string.IsNullOrEmpty(key) && Map?.ContainsKey(key) != true)
        {
            await SetAsync(key, string.Empty);
        }
    }
}
