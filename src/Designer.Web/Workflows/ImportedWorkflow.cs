namespace Designer.Web.Workflows;

/// <summary>An imported workflow, what was skipped on the way, and what is still wrong with its draft.</summary>
internal sealed record ImportedWorkflow(
    WorkflowRecord Workflow, IReadOnlyList<ValidationProblem> Warnings, IReadOnlyList<ValidationProblem> Problems);
