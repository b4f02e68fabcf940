using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Runtime.Hosting;
using Designer.Runtime.Tracing;
using Designer.Web.Components.WorkflowDesigner;
using Designer.Web.Components.WorkflowDesigner.Editing;
using Designer.Web.Runs;
using Designer.Workflows.Catalogue;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace Designer.Web.Components.Runs;

/// <summary>
/// One run, live: the version's canvas (read-only) painted node by node as trace rows arrive through
/// <see cref="RunFeed"/> (pushed within a millisecond of the commit for runs hosted here, polled otherwise), the
/// timeline of node spans, and the inspector of the selected node. No reload: the page applies each row as it comes.
/// </summary>
public sealed partial class RunDetail : ComponentBase, IAsyncDisposable
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
    private static readonly TimeSpan HeaderRefresh = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stop = new();
    private DesignerCanvas? _canvas;
    private RunRecord? _run;
    private WorkflowDefinition? _definition;
    private RunTrace? _trace;
    private string? _selected;
    private string? _error;
    private string? _feedError;
    private DateTimeOffset _now;
    private Task? _pump;
    private Task? _header;

    [Inject]
    private IRunStore Runs { get; set; } = default!;

    [Inject]
    private IWorkflowStore Workflows { get; set; } = default!;

    [Inject]
    private ITraceNotifier Notifier { get; set; } = default!;

    [Inject]
    private IOptions<RuntimeOptions> Options { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private ILogger<RunDetail> Logger { get; set; } = default!;

    /// <summary>Run whose nodes, history and tasks are shown.</summary>
    [Parameter]
    public Guid RunId { get; set; }

    private NodeDefinition? SelectedNode => _definition?.Nodes.FirstOrDefault(n => n.Id == _selected);

    private NodeRunState? SelectedState => _selected is not null && _trace?.Nodes.TryGetValue(_selected, out var s) == true ? s : null;

    private JsonNode? Input => _run is null ? null : JsonNode.Parse(_run.InputJson);

    private string Duration => _run is null ? string.Empty
        : $"{((_run.EndedAt ?? _now) - _run.StartedAt).TotalMilliseconds.ToString("N0", Culture)} ms{(_run.EndedAt is null ? " so far" : string.Empty)}";

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _now = Time.GetUtcNow();
        _run = await Runs.GetRunAsync(RunId, _stop.Token);
        if (_run is null)
        {
            _error = $"Run {RunId} does not exist.";
            return;
        }

        var version = await Workflows.GetVersionAsync(_run.WorkflowId, _run.VersionNumber, _stop.Token);
        if (version is null || WorkflowJson.Parse(version.CanonicalJson) is not { Definition: { } definition })
        {
            _error = $"Version {_run.VersionNumber} of the run's workflow cannot be read.";
            return;
        }

        _definition = definition;
        _trace = new RunTrace(definition.Nodes.Select(n => n.Id));
    }

    /// <inheritdoc />
    protected override void OnAfterRender(bool firstRender)
    {
        if (_pump is null && _trace is not null && RendererInfo.IsInteractive)
        {
            _pump = PumpAsync(_stop.Token);
            _header = RefreshHeaderAsync(_stop.Token);
        }
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        var interval = Options.Value.TraceStreamPollInterval;
        var retry = interval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : interval;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (_feedError is not null)
                {
                    // The store answers again: take the warning down even if no row comes (a run waiting at a gate).
                    await Runs.GetRunAsync(RunId, cancellationToken);
                    await InvokeAsync(() =>
                    {
                        _feedError = null;
                        StateHasChanged();
                    });
                }

                // Resumes after the last applied row, so a restart after a fault neither skips nor repeats a row.
                await foreach (var item in RunFeed.ReadAsync(RunId, _trace!.LastSequence, Runs, Notifier, interval, Time, cancellationToken))
                {
                    await InvokeAsync(() => ApplyAsync(item));
                }

                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The page was closed.
                return;
            }
            catch (JSDisconnectedException)
            {
                // The browser went away; the circuit is being disposed.
                return;
            }
            catch (Exception ex)
            {
                // A failed read (the database busy or away) must not freeze the page for good: say so, then go on.
                Logger.LogWarning(ex, "The live feed of run {RunId} failed; retrying in {Retry}", RunId, retry);
                await InvokeAsync(() =>
                {
                    _feedError = "Live updates are interrupted; retrying…";
                    StateHasChanged();
                });
                await Task.Delay(retry, Time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// While a run is open its header (status, duration, cost) keeps moving even when no trace row arrives — a run
    /// waiting for a person writes none for hours, and its status is set just after the gate's request row.
    /// </summary>
    private async Task RefreshHeaderAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && _run?.EndedAt is null)
        {
            await Task.Delay(HeaderRefresh, Time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                var run = await Runs.GetRunAsync(RunId, cancellationToken);
                await InvokeAsync(() =>
                {
                    _now = Time.GetUtcNow();
                    _run = run ?? _run;
                    StateHasChanged();
                });
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The feed loop reports an unreachable store; the header just tries again next time.
                if (Logger.IsEnabled(LogLevel.Debug))
                {
                    Logger.LogDebug(ex, "Refreshing the header of run {RunId} failed", RunId);
                }
            }
        }
    }

    private async Task ApplyAsync(RunFeedItem item)
    {
        _now = Time.GetUtcNow();
        if (item.Row is { } row)
        {
            if (_trace!.Apply(row) is { } changed)
            {
                // Paint first, render after: the canvas is what the latency goal is about.
                await PaintAsync(changed, _trace.LastEventAt);
            }

            if (row.Kind is TraceEventKinds.Output)
            {
                // The output is the run's last row: nodes not reached by now never will be.
                await FinishAsync();
            }

            if (row.Kind is TraceEventKinds.Request or TraceEventKinds.Decision or TraceEventKinds.NodeFailed or TraceEventKinds.Output)
            {
                _run = await Runs.GetRunAsync(RunId, _stop.Token) ?? _run;
            }
        }
        else
        {
            _run = item.EndedRun ?? _run;
            await FinishAsync();
        }

        StateHasChanged();
    }

    private async Task FinishAsync()
    {
        foreach (var skipped in _trace!.Finish())
        {
            await PaintAsync(skipped, null);
        }
    }

    /// <summary>Paints a node; <paramref name="eventAt"/> (when the event happened) lets the page measure event-to-paint delay.</summary>
    private ValueTask PaintAsync(NodeRunState node, DateTimeOffset? eventAt) =>
        _canvas?.SetRunStatusAsync(node.NodeId, NodeRunStatusNames.Of(node.Status), eventAt is { } at ? (at - DateTimeOffset.UnixEpoch).TotalMilliseconds : null)
            ?? ValueTask.CompletedTask;

    private async Task OnCanvasReadyAsync()
    {
        if (_canvas is null || _definition is null || _trace is null)
        {
            return;
        }

        var editor = new DraftEditor(new WorkflowValidator(), NodeKindCatalogue.Default);
        editor.Load(_definition, string.Empty);
        await _canvas.LoadAsync(editor.ToDocument(fit: true));
        foreach (var node in _trace.Nodes.Values.Where(n => n.Status != NodeRunStatus.Pending))
        {
            await PaintAsync(node, null);
        }
    }

    private void OnSelectionChanged(CanvasSelection selection) => _selected = selection.Nodes is [var first, ..] ? first : _selected;

    private void Select(string nodeId) => _selected = nodeId;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_pump is not null)
        {
            await _pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (_header is not null)
        {
            await _header.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
    }
}
