using System.Text.Json;
using Designer.Web.Components.WorkflowDesigner.Editing;
using Designer.Workflows.Catalogue;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>
/// The X6 canvas behind <c>wwwroot/js/designer-canvas.js</c>. The module owns the view and the gestures and calls
/// back once per finished gesture; this component turns those calls into events and model updates into JS calls.
/// </summary>
public sealed partial class DesignerCanvas : ComponentBase, IAsyncDisposable
{
    internal const string ModulePath = "./js/designer-canvas.js";
    private const long MaxDeltaBytes = 20 * 1024 * 1024;
    private ElementReference _host;
    private IJSObjectReference? _module;
    private IJSObjectReference? _canvas;
    private DotNetObjectReference<DesignerCanvas>? _self;
    private string? _loadError;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>Whether the graph can only be viewed: no drops, moves, connections or deletions.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>Raised once the canvas module has loaded and the graph is drawn, so the page can send further commands.</summary>
    [Parameter]
    public EventCallback Ready { get; set; }

    /// <summary>Raised when a palette item is dropped on the canvas, with its kind and position.</summary>
    [Parameter]
    public EventCallback<NodeDrop> NodeDropped { get; set; }

    /// <summary>Raised with each change the user made on the canvas, for the workspace to apply to the model.</summary>
    [Parameter]
    public EventCallback<GraphDelta> GraphChanged { get; set; }

    /// <summary>Raised with the selected nodes and edges whenever the selection changes.</summary>
    [Parameter]
    public EventCallback<CanvasSelection> SelectionChanged { get; set; }

    /// <summary>Raised with the node's id on a double click; the workspace selects it and opens the Inspector tab.</summary>
    [Parameter]
    public EventCallback<string> NodeDoubleClicked { get; set; }

    /// <summary>Raised when undo or redo becomes possible or impossible, for the toolbar's buttons.</summary>
    [Parameter]
    public EventCallback<HistoryState> HistoryChanged { get; set; }

    /// <summary>Raised with a <see cref="Editing.DesignerCommands"/> name when a keyboard shortcut on the canvas asks for a toolbar command.</summary>
    [Parameter]
    public EventCallback<string> Shortcut { get; set; }

    internal bool IsReady => _canvas is not null;

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        _self = DotNetObjectReference.Create(this);
        _module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
        var icons = NodeKindCatalogue.Default.Kinds.ToDictionary(k => k.Kind, k => KindIcons.DataUri(k.Icon));
        try
        {
            _canvas = await _module.InvokeAsync<IJSObjectReference>("create", _host, _self, new { icons, readOnly = ReadOnly });
        }
        catch (JSException ex)
        {
            // Typically lib/x6 missing (built without npm): say so instead of breaking the circuit.
            _loadError = ex.Message;
            StateHasChanged();
            return;
        }

        StateHasChanged();
        await Ready.InvokeAsync();
    }

    internal ValueTask LoadAsync(CanvasDocument document) => CallAsync("load", document);

    internal ValueTask AddNodeAsync(CanvasNode node) => CallAsync("addNode", node);

    internal ValueTask UpdateNodeAsync(CanvasNode node) => CallAsync("updateNode", node);

    internal ValueTask RemoveCellsAsync(IReadOnlyList<string> ids) => CallAsync("removeCells", ids);

    internal ValueTask SelectAsync(IReadOnlyList<string> ids) => CallAsync("select", ids);

    internal ValueTask SetBadgesAsync(IReadOnlyDictionary<string, int> nodes, IReadOnlyDictionary<string, int> edges) =>
        CallAsync("setBadges", nodes, edges);

    /// <summary>Paints a node by run status; <paramref name="eventAtUnixMs"/> (when the event happened) feeds the paint-latency measurement.</summary>
    internal ValueTask SetRunStatusAsync(string nodeId, string? status, double? eventAtUnixMs = null) =>
        CallAsync("setRunStatus", nodeId, status, eventAtUnixMs);

    internal ValueTask SetDiffAsync(IReadOnlyDictionary<string, string> nodes, IReadOnlyDictionary<string, string> edges) =>
        CallAsync("setDiff", nodes, edges);

    internal ValueTask ApplyLayoutAsync(IReadOnlyDictionary<string, NodePosition> positions) => CallAsync("applyLayout", positions);

    internal ValueTask UndoAsync() => CallAsync("undo");

    internal ValueTask RedoAsync() => CallAsync("redo");

    internal ValueTask CopyAsync() => CallAsync("copy");

    internal ValueTask PasteAsync() => CallAsync("paste");

    internal ValueTask ZoomToFitAsync() => CallAsync("zoomToFit");

    internal ValueTask ExportSvgAsync(string fileName) => CallAsync("exportSvg", fileName);

    internal ValueTask DownloadAsync(string fileName, string text, string mime) =>
        _module is null ? ValueTask.CompletedTask : _module.InvokeVoidAsync("download", fileName, text, mime);

    /// <summary>Called by the canvas module: node dropped.</summary>
    [JSInvokable]
    public Task OnNodeDropped(string kind, double x, double y) => NodeDropped.InvokeAsync(new NodeDrop(kind, x, y));

    /// <summary>A finished gesture; <paramref name="deltaJson"/> is null when the delta was too large to inline.</summary>
    [JSInvokable]
    public async Task OnGraphChanged(string? deltaJson)
    {
        if (deltaJson is null && _canvas is not null)
        {
            var stream = await _canvas.InvokeAsync<IJSStreamReference>("takePending");
            await using var data = await stream.OpenReadStreamAsync(MaxDeltaBytes);
            var streamed = await JsonSerializer.DeserializeAsync<GraphDelta>(data, JsonSerializerOptions.Web);
            await GraphChanged.InvokeAsync(streamed!);
            return;
        }

        var delta = JsonSerializer.Deserialize<GraphDelta>(deltaJson ?? "{}", JsonSerializerOptions.Web);
        await GraphChanged.InvokeAsync(delta!);
    }

    /// <summary>Called by the canvas module: selection changed.</summary>
    [JSInvokable]
    public Task OnSelectionChanged(string[] nodes, string[] edges) => SelectionChanged.InvokeAsync(new CanvasSelection(nodes, edges));

    /// <summary>Called by the canvas module: node double clicked.</summary>
    [JSInvokable]
    public Task OnNodeDoubleClicked(string nodeId) => NodeDoubleClicked.InvokeAsync(nodeId);

    /// <summary>Called by the canvas module: history changed.</summary>
    [JSInvokable]
    public Task OnHistoryChanged(bool canUndo, bool canRedo) => HistoryChanged.InvokeAsync(new HistoryState(canUndo, canRedo));

    /// <summary>Called by the canvas module: shortcut.</summary>
    [JSInvokable]
    public Task OnShortcut(string name) => Shortcut.InvokeAsync(name);

    private ValueTask CallAsync(string identifier, params object?[] args) =>
        _canvas is null ? ValueTask.CompletedTask : _canvas.InvokeVoidAsync(identifier, args);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_canvas is not null)
            {
                await _canvas.InvokeVoidAsync("dispose");
                await _canvas.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone and the browser's page with it; there is nothing left to dispose there.
        }

        _self?.Dispose();
    }
}
