using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>The workflow's versions beside the canvas, each linking to its review on the versions page.</summary>
public sealed partial class VersionHistoryPanel : ComponentBase
{
    /// <summary>Workflow whose versions are listed (link target).</summary>
    [Parameter]
    public Guid WorkflowId { get; set; }

    /// <summary>The workflow's versions to list, newest first.</summary>
    [Parameter]
    public IReadOnlyList<VersionSummary> Versions { get; set; } = [];
}
