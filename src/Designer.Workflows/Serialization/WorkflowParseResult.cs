using Designer.Workflows.Definitions;
using Designer.Workflows.Validation;

namespace Designer.Workflows.Serialization;

/// <summary>The outcome of <see cref="WorkflowJson.Parse"/>.</summary>
public sealed class WorkflowParseResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="definition">Best-effort definition, or null when the document could not be read at all.</param>
    /// <param name="problems">Structural problems found.</param>
    public WorkflowParseResult(WorkflowDefinition? definition, IReadOnlyList<ValidationProblem> problems)
    {
        Definition = definition;
        Problems = problems;
    }

    /// <summary>
    /// The definition read from the document. Present whenever the root was a JSON object, even with problems
    /// (invalid parts are skipped or defaulted), so an editor can still show what was readable.
    /// </summary>
    public WorkflowDefinition? Definition { get; }

    /// <summary>Every structural problem found; semantic checks are <see cref="WorkflowValidator"/>'s job.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }

    /// <summary>True when a definition was read without any structural problem.</summary>
    public bool IsWellFormed => Definition is not null && Problems.Count == 0;
}
