using System.Text.Json.Nodes;
using Designer.Web.Components.WorkflowDesigner.Editing;
using Designer.Workflows.Catalogue;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>The selected node's name and its kind's typed form; edits apply to the node immediately.</summary>
public sealed partial class Inspector : ComponentBase
{
    private string? _nameNodeId;
    private string? _nameDraft;
    private string? _nameError;

    /// <summary>The selected node to edit; null shows the empty state.</summary>
    [Parameter]
    public NodeDefinition? Node { get; set; }

    /// <summary>Whether the fields only show the node (a read-only user or a version, not the draft).</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>The workflow being edited (prompt completion and preview).</summary>
    [Parameter]
    public WorkflowDefinition? Definition { get; set; }

    /// <summary>The workflow's id (preview over its last run).</summary>
    [Parameter]
    public Guid? WorkflowId { get; set; }

    /// <summary>The draft's validation problems; those of the selected node are shown next to its fields.</summary>
    [Parameter]
    public IReadOnlyList<ValidationProblem> Problems { get; set; } = [];

    /// <summary>Raised with the edited node's id and its new config.</summary>
    [Parameter]
    public EventCallback<NodeConfigEdit> ConfigEdited { get; set; }

    /// <summary>Raised with the renamed node's id and its new name.</summary>
    [Parameter]
    public EventCallback<NodeRename> Renamed { get; set; }

    /// <summary>A field's text was not applied to the draft, or is fine again.</summary>
    [Parameter]
    public EventCallback<NodeFieldProblem> FieldProblem { get; set; }

    // Built at render time around the node shown then: a form's change can complete (MudSelect closes its popover
    // first) after a click on the canvas moved the selection, and must still land on the node it was made on.
    private EventCallback<JsonObject> ConfigChanged => ForShownNode<JsonObject>((id, c) => ConfigEdited.InvokeAsync(new NodeConfigEdit(id, c)));

    // A name the draft format refuses would make every later autosave fail (issue 18): it stays in the field with
    // its error and is not applied.
    private EventCallback<string> NameChanged => ForShownNode<string>(async (id, n) =>
    {
        _nameError = NameProblem(n);
        _nameDraft = _nameError is null ? null : n;
        await FieldProblem.InvokeAsync(new NodeFieldProblem(id, "Name", _nameError));
        if (_nameError is null)
        {
            await Renamed.InvokeAsync(new NodeRename(id, n));
        }
    });

    private EventCallback<(string Field, string? Message)> FormFieldProblem =>
        ForShownNode<(string Field, string? Message)>((id, p) => FieldProblem.InvokeAsync(new NodeFieldProblem(id, p.Field, p.Message)));

    internal static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "A node needs a name."
        : name.Length > WorkflowLimits.MaxNameLength ? $"At most {WorkflowLimits.MaxNameLength} characters (this has {name.Length}); not applied."
        : null;

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (Node?.Id != _nameNodeId)
        {
            (_nameNodeId, _nameDraft, _nameError) = (Node?.Id, null, null);
        }
    }

    private EventCallback<T> ForShownNode<T>(Func<string, T, Task> handler)
    {
        var id = Node?.Id;
        return EventCallback.Factory.Create<T>(this, value => id is null ? Task.CompletedTask : handler(id, value));
    }

    private NodeKindDescriptor? Descriptor =>
        Node is not null && NodeKindCatalogue.Default.TryGet(Node.Kind, out var d) ? d : null;

    private string DisplayName => Descriptor?.DisplayName ?? Node?.Kind ?? string.Empty;

    private string Icon => KindIcons.For(Descriptor?.Icon ?? string.Empty);
}
