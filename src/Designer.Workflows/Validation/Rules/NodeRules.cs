namespace Designer.Workflows.Validation.Rules;

internal static class NodeRules
{
    public static void Check(ValidationContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in context.Nodes)
        {
            if (!seen.Add(node.Id ?? string.Empty))
            {
                context.Add(ProblemCodes.NodeDuplicateId, $"Node id '{node.Id}' is used more than once.", node.Id, field: "id");
            }

            if (!context.Catalogue.TryGet(node.Kind, out _))
            {
                context.Add(ProblemCodes.NodeUnknownKind, $"Node kind '{node.Kind}' is not in the catalogue.", node.Id,
                    field: "kind");
            }

            if (string.IsNullOrWhiteSpace(node.Name))
            {
                context.Add(ProblemCodes.NodeNameRequired, "The node needs a name.", node.Id, field: "name");
            }
        }
    }
}
