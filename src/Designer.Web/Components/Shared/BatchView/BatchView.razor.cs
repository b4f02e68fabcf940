using System.Globalization;
using Designer.Web.Batches;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.Shared;

/// <summary>
/// One batch (issue 16): a progress bar and counts polled until every run has ended, the per-row outcome table (run
/// links, End node, error) and the results CSV link.
/// </summary>
public sealed partial class BatchView : IAsyncDisposable
{
    private const int ShownRows = 1000;
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
    private readonly CancellationTokenSource _stop = new();
    private BatchResponse? _batch;
    private IReadOnlyList<BatchRowRecord> _rows = [];
    private bool _loaded;
    private bool _polling;

    /// <summary>Batch whose progress and rows are shown.</summary>
    [Parameter, EditorRequired]
    public Guid BatchId { get; set; }

    /// <summary>How often progress is refreshed while the batch runs.</summary>
    [Parameter]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Inject]
    private BatchService Batches { get; set; } = default!;

    private double Percent => _batch is { Rows: > 0 } b ? 100.0 * b.Progress.Done / b.Rows : 100;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
    }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync() => await LoadAsync();

    /// <inheritdoc />
    protected override void OnAfterRender(bool firstRender)
    {
        // Polls only on a live circuit (after render), never while prerendering.
        if (firstRender && !_polling && _batch is { Finished: false })
        {
            _polling = true;
            _ = PollAsync(_stop.Token);
        }
    }

    private async Task LoadAsync()
    {
        _batch = await Batches.GetAsync(BatchId, CancellationToken.None);
        _rows = _batch is null ? [] : await Batches.RowsAsync(BatchId, CancellationToken.None);
        _loaded = true;
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(PollInterval);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(async () =>
                {
                    await LoadAsync();
                    StateHasChanged();
                });
                if (_batch is null or { Finished: true })
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page was left.
        }
        catch (ObjectDisposedException)
        {
            // The circuit ended.
        }
    }
}
