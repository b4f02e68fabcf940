using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Designer.Web.Components.Shared;

/// <summary>A version's status as a coloured chip.</summary>
public sealed partial class VersionStatusChip
{
    /// <summary>The status to show; nothing is shown for none.</summary>
    [Parameter]
    public VersionStatus? Status { get; set; }

    private string Label => Status switch
    {
        VersionStatus.PendingApproval => "Pending approval",
        null => "—",
        var s => s.ToString()!,
    };

    private Color ChipColor => Status switch
    {
        VersionStatus.Published => Color.Success,
        VersionStatus.PendingApproval => Color.Warning,
        VersionStatus.Rejected => Color.Error,
        _ => Color.Default,
    };
}
