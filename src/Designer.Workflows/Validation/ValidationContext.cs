using Designer.Workflows.Catalogue;
using Designer.Workflows.Definitions;

namespace Designer.Workflows.Validation;

/// <summary>State shared by the rule sets during one validation.</summary>
internal sealed class ValidationContext
{
    public ValidationContext(WorkflowDefinition definition, NodeKindCatalogue catalogue, IWorkflowReferenceResolver? resolver)
    {
        Definition = definition;
        Catalogue = catalogue;
        Resolver = resolver;
        Nodes = [.. (definition.Nodes ?? []).Where(n => n is not null)];
        Edges = [.. (definition.Edges ?? []).Where(e => e is not null)];
        NodesById = new Dictionary<string, NodeDefinition>(StringComparer.Ordinal);
        foreach (var node in Nodes)
        {
            NodesById.TryAdd(node.Id ?? string.Empty, node);
        }
    }

    public WorkflowDefinition Definition { get; }

    public NodeKindCatalogue Catalogue { get; }

    public IWorkflowReferenceResolver? Resolver { get; }

    public IReadOnlyList<NodeDefinition> Nodes { get; }

    public IReadOnlyList<EdgeDefinition> Edges { get; }

    /// <summary>First node per id; duplicates are reported separately.</summary>
    public Dictionary<string, NodeDefinition> NodesById { get; }

    public List<ValidationProblem> Problems { get; } = [];

    public void Add(string code, string message, string? nodeId = null, string? edgeId = null, string? field = null) =>
        Problems.Add(new ValidationProblem(code, message, nodeId, edgeId, field));

    /// <summary>Edges whose endpoints both exist; graph rules walk only these.</summary>
    public IEnumerable<EdgeDefinition> ConnectedEdges() => Edges.Where(e =>
        e.From is not null && e.To is not null &&
        NodesById.ContainsKey(e.From.Node ?? string.Empty) && NodesById.ContainsKey(e.To.Node ?? string.Empty));
}
