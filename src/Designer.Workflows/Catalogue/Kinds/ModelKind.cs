using Designer.Workflows.Catalogue.Configs;
using static Designer.Workflows.Catalogue.Kinds.Ports;

namespace Designer.Workflows.Catalogue.Kinds;

internal static class ModelKind
{
    public static readonly NodeKindDescriptor Descriptor = new()
    {
        Kind = NodeKinds.Model,
        DisplayName = "Model",
        Group = "AI",
        Icon = "cpu",
        Description = "Scores the run with a registry model, or calls a chat model with a prompt template.",
        InputPorts = In,
        OutputPorts =
        [
            new("ok", "OK"), new("low-confidence", "Low confidence"), new("degraded", "Degraded"), new("error", "Error"),
        ],
        ConfigType = typeof(ModelConfig),
        Fields =
        [
            Field("model", ConfigFieldTypes.String, "Registry model id (or use chatModel)."),
            Field("modelVersion", ConfigFieldTypes.Integer, "Registry model version; empty for latest."),
            Field("inputMapping", ConfigFieldTypes.Object, "Model input field to expression."),
            Field("latencySloMs", ConfigFieldTypes.Integer, "Latency objective in milliseconds."),
            new("onSloBreach", ConfigFieldTypes.String, false, "degraded or fail.", "degraded"),
            Field("minConfidence", ConfigFieldTypes.Number, "Below this confidence (0-1) route to low-confidence."),
            Field("costPerCall", ConfigFieldTypes.Number, "Cost attributed to each call."),
            Field("chatEndpoint", ConfigFieldTypes.String, "OpenAI-compatible endpoint for a chat model."),
            Field("chatModel", ConfigFieldTypes.String, "Chat model name."),
            Field("promptTemplate", ConfigFieldTypes.Template, "Prompt template for the chat model."),
        ],
    };
}
