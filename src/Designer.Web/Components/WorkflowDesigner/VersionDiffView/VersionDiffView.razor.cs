using System.Text.Json.Nodes;
using Designer.Web.Components.Shared;
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
    private const int ShownLength = 60;
    private const int DiffContext = 20;
    private DesignerCanvas? _canvas;
    private DiffCanvas? _canvasContent;
    private WorkflowDiffResult? _diff;
    private string? _error;

    [Inject]
    private VersionService Versions { get; set; } = default!;

    /// <summary>Workflow whose versions are compared.</summary>
    [Parameter]
    public Guid WorkflowId { get; set; }

    /// <summary>The version under review.</summary>
    [Parameter]
    public int Number { get; set; }

    /// <summary>The active version to compare against; null compares against an empty workflow.</summary>
    [Parameter]
    public int? BaseNumber { get; set; }

    /// <summary>What the base is, e.g. "v2, active before v3"; by default "active vN".</summary>
    [Parameter]
    public string? BaseDescription { get; set; }

    private string BaseLabel => BaseDescription ?? (BaseNumber is { } n ? $"active v{n}" : "nothing (no active version)");

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

    /// <summary>
    /// "before → after" for one changed value, readable (no JSON escapes) and short; when a value is cut, both sides
    /// start shortly before their first difference, so a change deep in a long text stays visible.
    /// </summary>
    internal static string ShowChange(JsonNode? before, JsonNode? after)
    {
        var b = before is null ? "—" : ReadableJson.Write(before);
        var a = after is null ? "—" : ReadableJson.Write(after);
        if (b.Length <= ShownLength && a.Length <= ShownLength)
        {
            return $"{b} → {a}";
        }

        var common = 0;
        while (common < b.Length && common < a.Length && b[common] == a[common])
        {
            common++;
        }

        var start = Math.Max(0, common - DiffContext);
        return $"{Window(b, start)} → {Window(a, start)}";
    }

    private static string Window(string text, int start)
    {
        start = Math.Min(start, text.Length);
        if (start > 0 && start < text.Length && char.IsLowSurrogate(text[start]))
        {
            start--;
        }

        var end = Math.Min(text.Length, start + ShownLength);
        if (end < text.Length && char.IsLowSurrogate(text[end]))
        {
            end++;
        }

        return (start > 0 ? "…" : string.Empty) + text[start..end] + (end < text.Length ? "…" : string.Empty);
    }
}
