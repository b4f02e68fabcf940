using Designer.Workflows.Catalogue;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>
/// The node kinds from the catalogue, grouped and searchable. Items are dragged onto the canvas (the canvas module
/// handles the HTML5 drag, so no message crosses the circuit until the drop); a click adds the kind instead.
/// </summary>
public sealed partial class Palette : ComponentBase
{
    private string? _search;

    /// <summary>The node kinds offered for dragging onto the canvas.</summary>
    [Parameter]
    public NodeKindCatalogue Catalogue { get; set; } = NodeKindCatalogue.Default;

    /// <summary>Whether the palette is inert (a read-only user or version).</summary>
    [Parameter]
    public bool Disabled { get; set; }

    /// <summary>Raised when a palette item is clicked (dropping is reported by the canvas).</summary>
    [Parameter]
    public EventCallback<string> KindClicked { get; set; }

    private IEnumerable<IGrouping<string, NodeKindDescriptor>> Groups =>
        Catalogue.Kinds.Where(Matches).GroupBy(k => k.Group);

    private bool Matches(NodeKindDescriptor kind) =>
        string.IsNullOrWhiteSpace(_search) ||
        kind.DisplayName.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase) ||
        kind.Group.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase) ||
        kind.Description.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase);

    private Task AddAsync(string kind) => Disabled ? Task.CompletedTask : KindClicked.InvokeAsync(kind);
}
