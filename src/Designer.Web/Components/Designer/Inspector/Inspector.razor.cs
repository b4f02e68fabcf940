using System.Text.Json.Nodes;
using Designer.Web.Components.WorkflowDesigner.Editing;
using Designer.Workflows.Catalogue;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>The selected node's name and its kind's typed form; edits apply to the node immediately.</summary>
public sealed partial class Inspector : ComponentBase
{
    /// <summary>Node.</summary>
    [Parameter]
    public NodeDefinition? Node { get; set; }

    /// <summary>Read only.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>Problems.</summary>
    [Parameter]
    public IReadOnlyList<ValidationProblem> Problems { get; set; } = [];

    /// <summary>Raised with the edited node's id and its new config.</summary>
    [Parameter]
    public EventCallback<NodeConfigEdit> ConfigEdited { get; set; }

    /// <summary>Raised with the renamed node's id and its new name.</summary>
    [Parameter]
    public EventCallback<NodeRename> Renamed { get; set; }

    // Built at render time around the node shown then: a form's change can complete (MudSelect closes its popover
    // first) after a click on the canvas moved the selection, and must still land on the node it was made on.
    private EventCallback<JsonObject> ConfigChanged => ForShownNode<JsonObject>((id, c) => ConfigEdited.InvokeAsync(new NodeConfigEdit(id, c)));

    private EventCallback<string> NameChanged => ForShownNode<string>((id, n) => Renamed.InvokeAsync(new NodeRename(id, n)));

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
