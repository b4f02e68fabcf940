using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>Asked when autosave meets a newer draft: never loses local edits silently.</summary>
public sealed partial class ConflictDialog : ComponentBase
{
    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    /// <summary>Who saved the newer draft, so the user knows whose edits they would overwrite; null when unknown.</summary>
    [Parameter]
    public string? SavedBy { get; set; }

    private void Close(ConflictChoice choice) => Dialog.Close(DialogResult.Ok(choice));
}
