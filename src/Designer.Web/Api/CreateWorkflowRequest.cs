namespace Designer.Web.Api;

/// <summary>
/// The body of a workflow's creation, as the OpenAPI document describes it. The handler reads the body by hand so that
/// its refusals keep their wording and a malformed definition reaches the validator; this record only names the shape.
/// </summary>
/// <param name="Name">The workflow's name.</param>
/// <param name="Description">What the workflow is for.</param>
/// <param name="Definition">The first draft; an empty flowchart when left out.</param>
public sealed record CreateWorkflowRequest(string Name, string? Description, WorkflowDefinition? Definition);
