using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.Runs;

/// <summary>The case of a human task as readable rows: input fields, model score, verdict and best evidence.</summary>
public sealed partial class TaskCaseView
{
    /// <summary>Case fields to show, read from the task's evidence.</summary>
    [Parameter, EditorRequired]
    public TaskCase Case { get; set; } = default!;
}
