using System.Text.Json.Nodes;
using Designer.Workflows.Catalogue;
using Designer.Workflows.Catalogue.Configs;
using Designer.Workflows.Definitions;

namespace Designer.Workflows.Validation.Rules;

/// <summary>Required fields from the catalogue, then typed, kind-specific checks.</summary>
internal static class ConfigRules
{
    public static void Check(ValidationContext context)
    {
        foreach (var node in context.Nodes)
        {
            if (context.Catalogue.TryGet(node.Kind, out var kind))
            {
                CheckNode(new NodeScope(context, node), node, kind);
            }
        }
    }

    private static void CheckNode(NodeScope scope, NodeDefinition node, NodeKindDescriptor kind)
    {
        var config = node.Config ?? [];
        foreach (var field in kind.Fields.Where(f => f.Required && config[f.Name] is null))
        {
            scope.Required(field.Name);
        }

        switch (node.Kind)
        {
            case NodeKinds.Start when Read<StartConfig>(scope, config) is { } start:
                StartConfigRules.Check(scope, start);
                break;
            case NodeKinds.Retrieval when Read<RetrievalConfig>(scope, config) is { } retrieval:
                RetrievalConfigRules.Check(scope, retrieval, config);
                break;
            case NodeKinds.Model when Read<ModelConfig>(scope, config) is { } model:
                ModelConfigRules.Check(scope, model, config);
                break;
            case NodeKinds.Policy when Read<PolicyConfig>(scope, config) is { } policy:
                PolicyConfigRules.Check(scope, policy, config);
                break;
            case NodeKinds.HumanGate when Read<HumanGateConfig>(scope, config) is { } gate:
                HumanGateConfigRules.Check(scope, gate);
                break;
            case NodeKinds.Condition when Read<ConditionConfig>(scope, config) is { } condition:
                ConditionConfigRules.Check(scope, condition);
                break;
            case NodeKinds.Action when Read<ActionConfig>(scope, config) is { } action:
                ActionConfigRules.Check(scope, action, config);
                break;
            case NodeKinds.End when Read<EndConfig>(scope, config) is { } end:
                MappingRules.Check(scope, "outputMapping", end.OutputMapping);
                break;
        }
    }

    private static T? Read<T>(NodeScope scope, JsonObject config)
        where T : class, new()
    {
        if (NodeConfigReader.TryRead<T>(config, out var typed, out var error, out var field))
        {
            return typed;
        }

        scope.Context.Add(ProblemCodes.ConfigType, $"Config has a value of the wrong type: {error}", scope.NodeId,
            field: field);
        return null;
    }
}
