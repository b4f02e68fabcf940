using Designer.Web.Components.WorkflowDesigner.Editing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>The designer's toolbar; every button is a named command handled by the workspace.</summary>
public sealed partial class DesignerToolbar : ComponentBase
{
    /// <summary>Workflow name shown at the toolbar's start.</summary>
    [Parameter]
    public string Name { get; set; } = string.Empty;

    /// <summary>Workflow the toolbar acts on (links to its runs and versions).</summary>
    [Parameter]
    public Guid WorkflowId { get; set; }

    /// <summary>Whether the user may change the draft; hides the editing and submit buttons when not.</summary>
    [Parameter]
    public bool CanEdit { get; set; }

    /// <summary>Whether undo and redo are possible, which enables their buttons.</summary>
    [Parameter]
    public HistoryState History { get; set; } = new(false, false);

    /// <summary>Text of the save chip (e.g. "Saving…", "Not saved: conflict").</summary>
    [Parameter]
    public string SaveStatus { get; set; } = string.Empty;

    /// <summary>Machine-readable save state (saved, saving, dirty, conflict, error) that colours the chip and that tests read.</summary>
    [Parameter]
    public string SaveState { get; set; } = string.Empty;

    /// <summary>How many validation problems the draft has; any blocks submitting.</summary>
    [Parameter]
    public int ProblemCount { get; set; }

    /// <summary>Raised with a <see cref="Editing.DesignerCommands"/> name when a button is clicked.</summary>
    [Parameter]
    public EventCallback<string> Command { get; set; }

    /// <summary>Raised with the JSON file the user picked to import as the draft.</summary>
    [Parameter]
    public EventCallback<IBrowserFile> Import { get; set; }

    private Color StatusColor => SaveState switch
    {
        "saved" => Color.Success,
        "conflict" or "error" => Color.Error,
        _ => Color.Default,
    };

    private Task Run(string command) => Command.InvokeAsync(command);
}
