namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>The toolbar's command names (also the names the canvas module's shortcuts send).</summary>
public static class DesignerCommands
{
    /// <summary>Reverts the canvas's last change (Ctrl+Z).</summary>
    public const string Undo = "undo";
    /// <summary>Re-applies the last undone change (Ctrl+Y).</summary>
    public const string Redo = "redo";
    /// <summary>Zooms and pans so that every node is in view.</summary>
    public const string ZoomToFit = "fit";
    /// <summary>Arranges the nodes automatically (computed by AutoLayout).</summary>
    public const string Layout = "layout";
    /// <summary>Downloads the draft as canonical workflow JSON.</summary>
    public const string ExportJson = "export-json";
    /// <summary>Downloads the draft converted to an Elsa workflow.</summary>
    public const string ExportElsa = "export-elsa";
    /// <summary>Downloads the canvas as an SVG image.</summary>
    public const string ExportSvg = "export-svg";
    /// <summary>Opens the shortcuts dialog.</summary>
    public const string Help = "help";
    /// <summary>Saves the draft now instead of waiting for the autosave.</summary>
    public const string Save = "save";
    /// <summary>Submits the draft for review; refused while it has problems.</summary>
    public const string Submit = "submit";
}
