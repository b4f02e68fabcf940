namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>Whether the canvas history can undo or redo.</summary>
public sealed record HistoryState(bool CanUndo, bool CanRedo);
