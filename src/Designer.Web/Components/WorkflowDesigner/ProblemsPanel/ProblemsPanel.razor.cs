using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>Every validation problem of the draft; clicking one selects its node (or edge) on the canvas.</summary>
public sealed partial class ProblemsPanel : ComponentBase
{
    /// <summary>The draft's validation problems to list; empty shows that the draft is valid.</summary>
    [Parameter]
    public IReadOnlyList<ValidationProblem> Problems { get; set; } = [];

    /// <summary>Raised with the clicked problem so the workspace can select its node or edge.</summary>
    [Parameter]
    public EventCallback<ValidationProblem> ProblemClicked { get; set; }

    /// <summary>Node names by id: authors know their nodes by name, not by generated id (issue 18).</summary>
    [Parameter]
    public IReadOnlyDictionary<string, string>? NodeNames { get; set; }

    private string Where(ValidationProblem problem) =>
        problem.NodeId is not null ? $"{NameOf(problem.NodeId)}: " : problem.EdgeId is not null ? $"edge {problem.EdgeId}: " : string.Empty;

    private string NameOf(string nodeId) =>
        NodeNames?.GetValueOrDefault(nodeId) is { Length: > 0 } name ? name : nodeId;
}
