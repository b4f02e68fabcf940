using System.Security.Claims;
using Designer.Web.Components.WorkflowDesigner.Editing;
using Designer.Web.Identity;
using Designer.Web.Workflows;
using Designer.Workflows.Catalogue;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>
/// The designer: palette, canvas, inspector, problems and versions around one draft. The C# model
/// (<see cref="DraftEditor"/>) is the truth; the canvas mirrors it and reports finished gestures back.
/// </summary>
public sealed partial class DesignerWorkspace : ComponentBase, IDisposable
{
    private DraftEditor _editor = default!;
    private DesignerCanvas? _canvas;
    private ClaimsPrincipal _user = new();
    private string? _loadError;
    private bool _loaded;
    private bool _canEdit;
    private string? _selectedId;
    private int _tab;
    private bool _paletteOpen = true;
    private bool _sideOpen = true;
    private HistoryState _history = new(false, false);
    private IReadOnlyList<VersionSummary> _versions = [];

    [Inject]
    private WorkflowService Workflows { get; set; } = default!;

    [Inject]
    private VersionService Versions { get; set; } = default!;

    [Inject]
    private WorkflowValidator Validator { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>Workflow whose draft is edited (the designer page passes its route id).</summary>
    [Parameter]
    public Guid WorkflowId { get; set; }

    /// <summary>How long autosave waits after the last change; tests pass zero.</summary>
    [Parameter]
    public TimeSpan AutosaveDelay { get; set; } = TimeSpan.FromSeconds(1);

    private NodeDefinition? SelectedNode => _selectedId is null ? null : _editor.Find(_selectedId);

    private IReadOnlyList<ValidationProblem> SelectedProblems =>
        _selectedId is null ? [] : [.. _editor.Problems.Where(p => p.NodeId == _selectedId)];

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        // The prerendered page shows the progress bar only: the canvas needs the circuit anyway, and reading and
        // validating the draft there too would pay for a large draft twice before the first paint.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        _user = AuthenticationState is null ? new() : (await AuthenticationState).User;
        _canEdit = _user.IsInRole(DesignerRoles.Author);
        _editor = new DraftEditor(Validator, NodeKindCatalogue.Default);
        var draft = await Workflows.GetDraftAsync(WorkflowId, CancellationToken.None);
        if (draft.Value?.Definition is not { } definition)
        {
            _loadError = draft.Error?.Detail ?? "The draft is not well-formed; fix it through the API or import a valid one.";
            return;
        }

        _editor.Load(definition, draft.Value.ETag);
        await LoadVersionsAsync();
        _loaded = true;
    }

    private async Task LoadVersionsAsync()
    {
        var versions = await Versions.ListAsync(WorkflowId, 1, 50, CancellationToken.None);
        _versions = versions.Value?.Items ?? [];
    }

    private async Task OnCanvasReadyAsync() => await LoadCanvasAsync(fit: true);

    private async Task LoadCanvasAsync(bool fit)
    {
        await _canvas!.LoadAsync(_editor.ToDocument(fit));
        await PushBadgesAsync();
    }

    private async Task OnNodeDroppedAsync(NodeDrop drop)
    {
        if (!_canEdit || _editor.AddNode(drop.Kind, drop.X, drop.Y) is not { } node)
        {
            return;
        }

        _selectedId = node.Id;
        _tab = 0;
        await _canvas!.AddNodeAsync(_editor.ToCanvas(node));
        await AfterChangeAsync();
    }

    private Task AddAtCenterAsync(string kind) =>
        OnNodeDroppedAsync(new NodeDrop(kind, 80 + (_editor.Definition.Nodes.Count % 8 * 30), 80 + (_editor.Definition.Nodes.Count % 8 * 30)));

    private async Task OnGraphChangedAsync(GraphDelta delta)
    {
        if (_canEdit && _editor.Apply(delta))
        {
            if (_selectedId is not null && _editor.Find(_selectedId) is null)
            {
                _selectedId = null;
            }

            await AfterChangeAsync();
        }
    }

    private void OnSelectionChanged(CanvasSelection selection)
    {
        _selectedId = selection.Nodes.Count == 1 ? selection.Nodes[0] : null;
        ForgetFieldProblemsExcept(_selectedId);
        if (_selectedId is not null)
        {
            _tab = 0;
        }
    }

    private void OnNodeDoubleClicked(string nodeId)
    {
        _selectedId = nodeId;
        ShowTab(0);
    }

    private string BodyClass => "designer-body" + (_paletteOpen ? "" : " palette-collapsed") + (_sideOpen ? "" : " side-collapsed");

    private void TogglePalette() => _paletteOpen = !_paletteOpen;

    private void ToggleSide() => _sideOpen = !_sideOpen;

    /// <summary>An explicit request for a side tab (double-click, a toolbar command) opens the panel if it was hidden.</summary>
    private void ShowTab(int tab)
    {
        _tab = tab;
        _sideOpen = true;
    }

    private void OnHistoryChanged(HistoryState history) => _history = history;

    private async Task OnConfigEditedAsync(NodeConfigEdit edit)
    {
        if (_editor.Find(edit.NodeId) is not { } node)
        {
            return;
        }

        _editor.SetConfig(node.Id, edit.Config);
        await _canvas!.UpdateNodeAsync(_editor.ToCanvas(node));
        await AfterChangeAsync();
    }

    private async Task OnRenamedAsync(NodeRename rename)
    {
        if (_editor.Find(rename.NodeId) is not { } node)
        {
            return;
        }

        _editor.Rename(node.Id, rename.Name);
        await _canvas!.UpdateNodeAsync(_editor.ToCanvas(node));
        await AfterChangeAsync();
    }

    private async Task OnProblemClickedAsync(ValidationProblem problem)
    {
        var id = problem.NodeId ?? problem.EdgeId;
        if (id is null)
        {
            return;
        }

        await _canvas!.SelectAsync([id]);
        if (problem.NodeId is not null)
        {
            _selectedId = problem.NodeId;
            _tab = 0;
        }
    }

    private async Task AfterChangeAsync()
    {
        await PushBadgesAsync();
        ScheduleSave();
        StateHasChanged();
    }

    private async Task PushBadgesAsync()
    {
        var (nodes, edges) = _editor.BadgeCounts();
        await _canvas!.SetBadgesAsync(nodes, edges);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _saveCancellation?.Cancel();
        _saveCancellation?.Dispose();
        _saveLock.Dispose();
    }
}
