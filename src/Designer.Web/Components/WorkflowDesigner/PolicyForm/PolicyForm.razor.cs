using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Workflows.Catalogue.Configs;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>Policy check: an ordered rule editor (expressions syntax-checked as typed), allow/deny lists, PII redaction.</summary>
public sealed partial class PolicyForm : KindFormBase
{
    private List<PolicyRule> Rules =>
        Config["rules"] is JsonArray rules ? rules.Deserialize<List<PolicyRule>>(JsonSerializerOptions.Web) ?? [] : [];

    private Task SetRuleAsync(int index, Action<PolicyRule> change)
    {
        var rules = Rules;
        change(rules[index]);
        return SaveAsync(rules);
    }

    private Task AddRuleAsync()
    {
        var rules = Rules;
        var n = rules.Count + 1;
        while (rules.Exists(r => r.Id == $"rule-{n}"))
        {
            n++;
        }

        rules.Add(new PolicyRule { Id = $"rule-{n}", Name = $"Rule {n}", Expression = "true", Verdict = "review" });
        return SaveAsync(rules);
    }

    private Task RemoveRuleAsync(int index)
    {
        var rules = Rules;
        rules.RemoveAt(index);
        return SaveAsync(rules);
    }

    private Task SaveAsync(List<PolicyRule> rules) => SetAsync(Key.Rules, JsonSerializer.SerializeToNode(rules, JsonSerializerOptions.Web));

    private static class Key
    {
        public const string Rules = "rules";
        public const string ListField = "listField";
        public const string AllowList = "allowList";
        public const string DenyList = "denyList";
        public const string RedactPii = "redactPii";
        public const string RedactFields = "redactFields";
    }
}
