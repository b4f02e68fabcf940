using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.Shared;

/// <summary>Says honestly which later issue fills a route that exists already.</summary>
public sealed partial class ComingSoon
{
    /// <summary>The page title.</summary>
    [Parameter, EditorRequired]
    public string Title { get; set; } = string.Empty;

    /// <summary>What the page will be for.</summary>
    [Parameter]
    public string? Description { get; set; }

    /// <summary>The issue that builds it.</summary>
    [Parameter, EditorRequired]
    public string Issue { get; set; } = string.Empty;
}
