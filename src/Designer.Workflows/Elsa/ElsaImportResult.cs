using Designer.Workflows.Definitions;
using Designer.Workflows.Validation;

namespace Designer.Workflows.Elsa;

/// <summary>The outcome of <see cref="ElsaFlowchartConverter.Import"/>.</summary>
/// <param name="Definition">The imported definition, or null when the document could not be read.</param>
/// <param name="Problems">Everything skipped or unreadable (codes <c>elsa.*</c>).</param>
public sealed record ElsaImportResult(WorkflowDefinition? Definition, IReadOnlyList<ValidationProblem> Problems);
