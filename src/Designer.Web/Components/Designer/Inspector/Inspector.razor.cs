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

    /// <summary>Config changed.</summary>
    [Parameter]
    public EventCallback<JsonObject> ConfigChanged { get; set; }

    /// <summary>Name changed.</summary>
    [Parameter]
    public EventCallback<string> NameChanged { get; set; }

    private NodeKindDescriptor? Descriptor =>
        Node is not null && NodeKindCatalogue.Default.TryGet(Node.Kind, out var d) ? d : null;

    private string DisplayName => Descriptor?.DisplayName ?? Node?.Kind ?? string.Empty;

    private string Icon => KindIcons.For(Descriptor?.Icon ?? string.Empty);
}
