namespace Designer.Web.Evaluations;

/// <summary>A checked dataset request: a name, its workflow, and exactly one source of cases (cases, CSV text or past runs).</summary>
internal sealed record DatasetToCreate(string Name, Guid WorkflowId, string? Description, IReadOnlyList<CaseInput>? Cases, string? Csv, RunFilter? FromRuns);
