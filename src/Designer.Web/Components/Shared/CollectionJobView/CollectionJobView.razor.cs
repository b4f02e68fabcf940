using System.Globalization;
using Designer.Retrieval.Collections;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Designer.Web.Components.Shared;

/// <summary>One ingestion or re-embedding job: status, done/total, rate, ETA and a progress bar.</summary>
public sealed partial class CollectionJobView
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>The job and its progress figures.</summary>
    [Parameter, EditorRequired]
    public CollectionJobProgress Job { get; set; } = default!;

    /// <summary>Show a cancel button while the job is unfinished (managers only).</summary>
    [Parameter]
    public bool AllowCancel { get; set; }

    /// <summary>Raised with the job id when cancel is clicked.</summary>
    [Parameter]
    public EventCallback<Guid> Cancel { get; set; }

    private bool CanCancel => AllowCancel && !Job.Job.IsTerminal && !Job.Job.CancelRequested;

    private double Percent => Job.Job.Total == 0 ? 100 : 100.0 * Job.Job.Done / Job.Job.Total;

    private string Status => Job.Job.Status.ToString().ToLowerInvariant();

    private string Kind => Job.Job.Kind == CollectionJobKind.Reembed ? $"re-embed to v{Job.Job.TargetVersion}" : "ingest";

    private string Rate => Job.RatePerSecond is { } rate ? string.Create(Culture, $"{rate:0.#} docs/s") : string.Empty;

    private string Eta => Job.Eta is { } eta ? "ETA " + (eta.TotalHours >= 1 ? eta.ToString(@"h\:mm\:ss", Culture) : eta.ToString(@"m\:ss", Culture)) : string.Empty;

    private Color StatusColor => Job.Job.Status switch
    {
        CollectionJobStatus.Succeeded => Color.Success,
        CollectionJobStatus.Failed => Color.Error,
        CollectionJobStatus.Cancelled => Color.Default,
        _ => Color.Info,
    };
}
