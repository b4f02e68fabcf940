namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>What the author chose when someone else saved the draft meanwhile.</summary>
public enum ConflictChoice
{
    /// <summary>Keep the local edits on screen, do not save yet.</summary>
    KeepEditing,

    /// <summary>Discard the local edits and load the other person's draft.</summary>
    ReloadTheirs,

    /// <summary>Save the local edits over the other person's draft.</summary>
    Overwrite,
}
