using System.Text.Json.Nodes;
using Designer.Web.Components.WorkflowDesigner.Editing;
using Designer.Web.Workflows;
using Designer.Workflows.Catalogue;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>
/// The approver's view of a version: a read-only canvas coloured by the diff against the active version (added green,
/// removed red, changed amber) and every per-field config change beside it.
/// </summary>
public sealed partial class VersionDiffView : ComponentBase
{
    private DesignerCanvas? _canvas;
    private DiffCanvas? _canvasContent;
    private WorkflowDiffResult? _diff;
    private string? _error;

    [Inject]
    private VersionService Versions { get; set; } = default!;

    /// <summary>The workflow.</summary>
    [Parameter]
    public Guid WorkflowId { get; set; }

    /// <summary>The version under review.</summary>
    [Parameter]
    public int Number { get; set; }

    /// <summary>The active version to compare against; null compares against an empty workflow.</summary>
    [Parameter]
    public int? BaseNumber { get; set; }

    private string BaseLabel => BaseNumber is { } n ? $"active v{n}" : "nothing (no active version)";

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        var after = await Versions.LoadAsync(WorkflowId, Number.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None);
        var before = BaseNumber is { } b
            ? await Versions.LoadAsync(WorkflowId, b.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None)
            : new WorkflowDefinition { Name = after.Value?.Name ?? string.Empty };
        if (after.Value is null || before.Value is null)
        {
            _error = (after.Error ?? before.Error)?.Detail;
            return;
        }

        _diff = WorkflowDiff.Compute(before.Value, after.Value);
        _canvasContent = DiffCanvas.Build(before.Value, after.Value, _diff);
        if (_canvas?.IsReady == true)
        {
            await OnCanvasReadyAsync();
        }
    }

    private async Task OnCanvasReadyAsync()
    {
        if (_canvasContent is null || _canvas is null)
        {
            return;
        }

        var editor = new DraftEditor(new WorkflowValidator(), NodeKindCatalogue.Default);
        editor.Load(_canvasContent.Merged, string.Empty);
        // The diff colours cells by change; validation badges would compete with that.
        await _canvas.LoadAsync(editor.ToDocument(fit: true) with { NodeProblems = new Dictionary<string, int>(), EdgeProblems = new Dictionary<string, int>() });
        await _canvas.SetDiffAsync(_canvasContent.NodeStates, _canvasContent.EdgeStates);
    }

    private static string Show(JsonNode? value) => value is null ? "—" : value.ToJsonString() is { Length: > 60 } s ? s[..59] + "…" : value.ToJsonString();
}
