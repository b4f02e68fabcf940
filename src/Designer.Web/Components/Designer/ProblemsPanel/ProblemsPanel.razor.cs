using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>Every validation problem of the draft; clicking one selects its node (or edge) on the canvas.</summary>
public sealed partial class ProblemsPanel : ComponentBase
{
    /// <summary>Problems.</summary>
    [Parameter]
    public IReadOnlyList<ValidationProblem> Problems { get; set; } = [];

    /// <summary>Problem clicked.</summary>
    [Parameter]
    public EventCallback<ValidationProblem> ProblemClicked { get; set; }

    private static string Where(ValidationProblem problem) =>
        problem.NodeId is not null ? $"{problem.NodeId}: " : problem.EdgeId is not null ? $"edge {problem.EdgeId}: " : string.Empty;
}
