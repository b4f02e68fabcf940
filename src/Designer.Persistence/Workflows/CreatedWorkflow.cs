namespace Designer.Persistence;

/// <summary>A newly created workflow and its initial draft.</summary>
/// <param name="Workflow">The new workflow's row (id, name, owner).</param>
/// <param name="Draft">The draft, with the ETag for the first save.</param>
public sealed record CreatedWorkflow(WorkflowRecord Workflow, DraftRecord Draft);
