using Designer.Workflows.Catalogue.Configs;

namespace Designer.Workflows.Validation.Rules;

internal static class HumanGateConfigRules
{
    public static void Check(NodeScope scope, HumanGateConfig config)
    {
        scope.OneOf("assigneeRole", config.AssigneeRole, HumanGateConfig.Roles);
        scope.Template("instructions", config.Instructions);
        var decisions = config.Decisions ?? [];
        if (decisions.Count == 0)
        {
            scope.Invalid("decisions", "'decisions' must offer at least one option.");
        }
        else if (decisions.Any(string.IsNullOrWhiteSpace))
        {
            scope.Invalid("decisions", "'decisions' must not contain blank options.");
        }
        else if (decisions.Distinct(StringComparer.Ordinal).Count() != decisions.Count)
        {
            scope.Invalid("decisions", "'decisions' must not repeat an option.");
        }

        if (config.SlaMinutes is <= 0)
        {
            scope.Invalid("slaMinutes", "'slaMinutes' must be greater than 0.");
        }

        scope.OneOf("timeoutAction", config.TimeoutAction, HumanGateConfig.TimeoutActions);
    }
}
