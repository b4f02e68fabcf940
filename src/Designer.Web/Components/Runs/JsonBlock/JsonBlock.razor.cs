using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.Runs;

/// <summary>A titled, indented JSON value; nothing when the value is null.</summary>
public sealed partial class JsonBlock
{
    /// <summary>Caption above the value (e.g. Input, Output).</summary>
    [Parameter]
    public string Title { get; set; } = string.Empty;

    /// <summary>JSON to show indented; null renders nothing.</summary>
    [Parameter]
    public JsonNode? Value { get; set; }

    /// <summary>data-testid of the block.</summary>
    [Parameter]
    public string? TestId { get; set; }
}
