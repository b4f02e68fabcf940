using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Designer.Web.Components.Runs;

/// <summary>A run's status as a coloured chip.</summary>
public sealed partial class RunStatusChip
{
    /// <summary>Run status the chip's colour and text show.</summary>
    [Parameter]
    public RunStatus Status { get; set; }

    private string Label => Status == RunStatus.WaitingForHuman ? "Waiting for human" : Status.ToString();

    private Color ChipColor => Status switch
    {
        RunStatus.Completed => Color.Success,
        RunStatus.Running => Color.Info,
        RunStatus.WaitingForHuman => Color.Warning,
        RunStatus.Faulted or RunStatus.Interrupted => Color.Error,
        _ => Color.Default,
    };
}
