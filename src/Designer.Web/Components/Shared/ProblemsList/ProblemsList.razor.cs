using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.Shared;

/// <summary>Validation problems, each with the node or edge it concerns.</summary>
public sealed partial class ProblemsList
{
    /// <summary>The problems; an empty list shows <see cref="EmptyText"/>.</summary>
    [Parameter]
    public IReadOnlyList<OperationProblem>? Problems { get; set; }

    /// <summary>What to say when there is no problem.</summary>
    [Parameter]
    public string EmptyText { get; set; } = "No problems.";
}
