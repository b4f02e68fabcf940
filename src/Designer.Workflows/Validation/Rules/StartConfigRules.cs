using Designer.Workflows.Catalogue.Configs;

namespace Designer.Workflows.Validation.Rules;

internal static class StartConfigRules
{
    public static void Check(NodeScope scope, StartConfig config)
    {
        if (config.InputSchema is null)
        {
            return;
        }

        var problems = InputSchemaChecker.Check(config.InputSchema);
        foreach (var (path, message) in problems)
        {
            scope.Context.Add(ProblemCodes.SchemaInvalid, message, scope.NodeId, field: path);
        }
    }
}
