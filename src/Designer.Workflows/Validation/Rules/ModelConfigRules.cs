using System.Text.Json.Nodes;
using Designer.Workflows.Catalogue.Configs;

namespace Designer.Workflows.Validation.Rules;

internal static class ModelConfigRules
{
    public static void Check(NodeScope scope, ModelConfig config, JsonObject raw)
    {
        var isRegistry = !string.IsNullOrWhiteSpace(config.Model);
        var isChat = !string.IsNullOrWhiteSpace(config.ChatModel);
        if (!isRegistry && !isChat)
        {
            scope.Required("model", "Set 'model' (a registry model) or 'chatModel' with a 'promptTemplate'.");
        }
        else if (isRegistry && isChat)
        {
            scope.Invalid("chatModel", "Set either 'model' or 'chatModel', not both.");
        }

        if (isChat && string.IsNullOrWhiteSpace(config.PromptTemplate))
        {
            scope.Required("promptTemplate", "A chat model needs a 'promptTemplate'.");
        }

        if (isChat)
        {
            ChatConfigRules.Check(scope, config, raw);
        }

        if (isRegistry && scope.Context.Resolver?.ModelExists(config.Model!, config.ModelVersion) == false)
        {
            scope.Context.Add(ProblemCodes.ConfigUnknownReference,
                $"Model '{config.Model}' version {config.ModelVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "latest"} does not exist.",
                scope.NodeId, field: "model");
        }

        CheckRanges(scope, config);
        scope.OneOf("onSloBreach", config.OnSloBreach, ModelConfig.SloBreachActions);
        scope.Template("promptTemplate", config.PromptTemplate);
        MappingRules.Check(scope, "inputMapping", config.InputMapping);
    }

    private static void CheckRanges(NodeScope scope, ModelConfig config)
    {
        if (config.ModelVersion is < 1)
        {
            scope.Invalid("modelVersion", "'modelVersion' must be 1 or more.");
        }

        if (config.LatencySloMs is <= 0)
        {
            scope.Invalid("latencySloMs", "'latencySloMs' must be greater than 0.");
        }

        if (config.MinConfidence is { } confidence && (double.IsNaN(confidence) || confidence is < 0 or > 1))
        {
            scope.Invalid("minConfidence", "'minConfidence' must be between 0 and 1.");
        }

        if (config.CostPerCall is < 0)
        {
            scope.Invalid("costPerCall", "'costPerCall' must not be negative.");
        }
    }
}
