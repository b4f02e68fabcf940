using System.Text.Json.Nodes;
using Designer.Workflows.Catalogue.Configs;

namespace Designer.Workflows.Validation.Rules;

internal static class PolicyConfigRules
{
    public static void Check(NodeScope scope, PolicyConfig config, JsonObject raw)
    {
        var ruleIds = new HashSet<string>(StringComparer.Ordinal);
        var rules = raw["rules"] is null ? [] : config.Rules ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            var field = $"rules[{i}]";
            if (rules[i] is not { } rule)
            {
                scope.Invalid(field, $"'{field}' must be a rule object.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(rule.Id))
            {
                scope.Required($"{field}.id");
            }
            else if (!ruleIds.Add(rule.Id))
            {
                scope.Invalid($"{field}.id", $"Rule id '{rule.Id}' is used more than once.");
            }

            scope.Expression($"{field}.expression", rule.Expression);
            scope.OneOf($"{field}.verdict", rule.Verdict, PolicyRule.Verdicts);
        }

        var hasLists = config.AllowList is { Count: > 0 } || config.DenyList is { Count: > 0 };
        if (hasLists && string.IsNullOrWhiteSpace(config.ListField))
        {
            scope.Required("listField", "'listField' is required when an allow or deny list is set.");
        }
    }
}
