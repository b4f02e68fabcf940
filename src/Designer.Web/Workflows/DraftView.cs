namespace Designer.Web.Workflows;

/// <summary>A draft as the API and the pages show it.</summary>
internal sealed record DraftView(
    Guid WorkflowId,
    string ETag,
    WorkflowDefinition? Definition,
    IReadOnlyList<ValidationProblem> Problems,
    string? UpdatedBy,
    DateTimeOffset UpdatedAt);
