
namespace Designer.Web.Workflows;

/// <summary>Helpers for new drafts.</summary>
internal static class Drafts
{
    /// <summary>A new workflow starts with a start and an end node, wired, so it is valid from the first save.</summary>
    public static WorkflowDefinition Blank(string name, string? description) => new()
    {
        SchemaVersion = 1,
        Name = name,
        Description = description,
        Nodes =
        [
            new NodeDefinition { Id = "start", Kind = "start", Name = "Start", Position = new NodePosition(40, 200), Config = [] },
            new NodeDefinition { Id = "end", Kind = "end", Name = "End", Position = new NodePosition(400, 200), Config = [] },
        ],
        Edges = [new EdgeDefinition { Id = "e1", From = new PortRef("start", "next"), To = new PortRef("end", "in") }],
    };

    public static IReadOnlyList<ValidationProblem> CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name)
            ? [new ValidationProblem(ProblemCodes.WorkflowNameRequired, "The workflow needs a name.", Field: "name")]
            : name.Length > 200
                ? [new ValidationProblem(ProblemCodes.JsonLimit, "The name is longer than 200 characters.", Field: "name")]
                : [];
}
