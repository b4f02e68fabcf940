using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Workflows.Catalogue.Configs;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>Condition: one boolean expression (ports true/else) or switch cases (one port per case, plus else).</summary>
public sealed partial class ConditionForm : KindFormBase
{
    private bool UsesCases => Config["cases"] is JsonArray;

    private List<ConditionCase> Cases =>
        Config["cases"] is JsonArray cases ? cases.Deserialize<List<ConditionCase>>(JsonSerializerOptions.Web) ?? [] : [];

    private Task SwitchModeAsync(bool useCases)
    {
        var copy = (JsonObject)Config.DeepClone();
        copy.Remove(useCases ? Key.Expression : Key.Cases);
        if (useCases)
        {
            copy[Key.Cases] = new JsonArray();
        }

        return ConfigChanged.InvokeAsync(copy);
    }

    private Task SetCaseAsync(int index, Action<ConditionCase> change)
    {
        var cases = Cases;
        change(cases[index]);
        return SaveAsync(cases);
    }

    private Task AddCaseAsync()
    {
        var cases = Cases;
        cases.Add(new ConditionCase { Port = $"case-{cases.Count + 1}", Expression = "true" });
        return SaveAsync(cases);
    }

    private Task RemoveCaseAsync(int index)
    {
        var cases = Cases;
        cases.RemoveAt(index);
        return SaveAsync(cases);
    }

    private Task SaveAsync(List<ConditionCase> cases) =>
        ConfigChanged.InvokeAsync(With(Key.Cases, JsonSerializer.SerializeToNode(cases, JsonSerializerOptions.Web)));

    private JsonObject With(string key, JsonNode? value)
    {
        var copy = (JsonObject)Config.DeepClone();
        copy[key] = value;
        return copy;
    }

    private static class Key
    {
        public const string Expression = "expression";
        public const string Cases = "cases";
    }
}
