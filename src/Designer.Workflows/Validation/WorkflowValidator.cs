using Designer.Workflows.Catalogue;
using Designer.Workflows.Definitions;
using Designer.Workflows.Validation.Rules;

namespace Designer.Workflows.Validation;

/// <summary>
/// Checks a definition against the catalogue and returns every problem at once (never stops at the first),
/// each tagged with the node or edge it belongs to.
/// </summary>
public sealed class WorkflowValidator
{
    private readonly IWorkflowReferenceResolver? _resolver;
    private readonly NodeKindCatalogue _catalogue;

    /// <summary>Creates a validator over <see cref="NodeKindCatalogue.Default"/>.</summary>
    /// <param name="resolver">Checks model and collection references; null skips those checks.</param>
    public WorkflowValidator(IWorkflowReferenceResolver? resolver = null)
        : this(NodeKindCatalogue.Default, resolver)
    {
    }

    /// <summary>Creates a validator over a custom catalogue.</summary>
    /// <param name="catalogue">The node kinds to validate against.</param>
    /// <param name="resolver">Checks model and collection references; null skips those checks.</param>
    public WorkflowValidator(NodeKindCatalogue catalogue, IWorkflowReferenceResolver? resolver = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _catalogue = catalogue;
        _resolver = resolver;
    }

    /// <summary>Validates a definition.</summary>
    /// <param name="definition">The definition to check.</param>
    /// <returns>Every problem found; empty when the definition is valid.</returns>
    public IReadOnlyList<ValidationProblem> Validate(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var context = new ValidationContext(definition, _catalogue, _resolver);
        WorkflowRules.Check(context);
        NodeRules.Check(context);
        EdgeRules.Check(context);
        GraphRules.Check(context);
        ConfigRules.Check(context);
        return context.Problems;
    }
}
