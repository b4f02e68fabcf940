namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>The toolbar's command names (also the names the canvas module's shortcuts send).</summary>
public static class DesignerCommands
{
    /// <summary>Undo.</summary>
    public const string Undo = "undo";
    /// <summary>Redo.</summary>
    public const string Redo = "redo";
    /// <summary>Zoom to fit.</summary>
    public const string ZoomToFit = "fit";
    /// <summary>Layout.</summary>
    public const string Layout = "layout";
    /// <summary>Export json.</summary>
    public const string ExportJson = "export-json";
    /// <summary>Export elsa.</summary>
    public const string ExportElsa = "export-elsa";
    /// <summary>Export svg.</summary>
    public const string ExportSvg = "export-svg";
    /// <summary>Help.</summary>
    public const string Help = "help";
    /// <summary>Save.</summary>
    public const string Save = "save";
    /// <summary>Submit.</summary>
    public const string Submit = "submit";
}
