using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Designer.Web.Components.Shared;

/// <summary>A model version's registry status as a coloured chip.</summary>
public sealed partial class ModelStatusChip
{
    /// <summary>The status name as the registry reports it (<c>PendingApproval</c>, <c>Approved</c>, …).</summary>
    [Parameter]
    public string? Status { get; set; }

    private string Label => Status switch
    {
        "PendingApproval" => "Pending approval",
        null or "" => "—",
        var s => s,
    };

    private Color ChipColor => Status switch
    {
        "Approved" => Color.Success,
        "PendingApproval" => Color.Warning,
        "Rejected" => Color.Error,
        _ => Color.Default,
    };
}
