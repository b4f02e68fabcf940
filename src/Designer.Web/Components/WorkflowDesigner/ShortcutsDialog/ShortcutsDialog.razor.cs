using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>The canvas keyboard and mouse shortcuts (bound in <c>designer-canvas.js</c>).</summary>
public sealed partial class ShortcutsDialog : ComponentBase
{
    /// <summary>Key and action pairs the dialog lists, in display order; kept in step with the canvas module's bindings.</summary>
    public static readonly IReadOnlyList<(string Keys, string Action)> Shortcuts =
    [
        ("Ctrl+Z", "Undo (moves, connections, deletions and config edits)"),
        ("Ctrl+Y / Ctrl+Shift+Z", "Redo"),
        ("Ctrl+C / Ctrl+V", "Copy / paste the selection"),
        ("Ctrl+A", "Select everything"),
        ("Delete / Backspace", "Delete the selection"),
        ("Drag on empty canvas", "Rubber-band select"),
        ("Shift+drag", "Pan"),
        ("Ctrl+wheel", "Zoom"),
        ("Shift+1", "Zoom to fit"),
        ("Ctrl+S", "Save now"),
        ("?", "This help"),
    ];

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;
}
