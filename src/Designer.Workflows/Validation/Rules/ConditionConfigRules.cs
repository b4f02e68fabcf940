using Designer.Workflows.Catalogue.Configs;
using Designer.Workflows.Serialization;

namespace Designer.Workflows.Validation.Rules;

internal static class ConditionConfigRules
{
    public static void Check(NodeScope scope, ConditionConfig config)
    {
        var hasCases = config.Cases is { Count: > 0 };
        if (config.Expression is null && !hasCases)
        {
            scope.Required("expression", "Set 'expression' or at least one entry in 'cases'.");
            return;
        }

        if (config.Expression is not null && hasCases)
        {
            scope.Invalid("cases", "Set either 'expression' or 'cases', not both.");
        }

        if (config.Expression is not null)
        {
            scope.Expression("expression", config.Expression);
        }

        CheckCases(scope, config.Cases ?? []);
    }

    private static void CheckCases(NodeScope scope, List<ConditionCase> cases)
    {
        var ports = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < cases.Count; i++)
        {
            var field = $"cases[{i}]";
            if (cases[i] is not { } item)
            {
                scope.Invalid(field, $"'{field}' must be a case object.");
                continue;
            }

            if (!WorkflowLimits.IsValidId(item.Port) || item.Port == ConditionConfig.ElsePort)
            {
                scope.Invalid($"{field}.port", $"Case port '{item.Port}' must be a valid id other than 'else'.");
            }
            else if (!ports.Add(item.Port))
            {
                scope.Invalid($"{field}.port", $"Case port '{item.Port}' is used more than once.");
            }

            scope.Expression($"{field}.expression", item.Expression);
        }
    }
}
