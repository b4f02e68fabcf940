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
            new("invalid", "Invalid output"),
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
            Field("chatModel", ConfigFieldTypes.String, "Approved chat model from the registry: id or id@version."),
            Field("promptTemplate", ConfigFieldTypes.Template, "User message template for the chat model."),
            Field("systemPrompt", ConfigFieldTypes.Template, "System message template for the chat model."),
            Field("outputSchema", ConfigFieldTypes.Object, "JSON schema the reply must satisfy (one repair, then invalid)."),
            Field("confidenceField", ConfigFieldTypes.String, "Reply field with a 0-1 confidence, compared with minConfidence."),
            Field("fallbackModels", ConfigFieldTypes.Array, "Chat models tried in order when one is unavailable."),
            Field("temperature", ConfigFieldTypes.Number, "Sampling temperature (0-2)."),
            Field("maxOutputTokens", ConfigFieldTypes.Integer, "Output-token cap."),
            Field("runTokenBudget", ConfigFieldTypes.Integer, "Most tokens the run's chat calls may use; then degraded."),
            Field("runCostBudget", ConfigFieldTypes.Number, "Most chat cost the run may spend; then degraded."),
            Field("cacheResponses", ConfigFieldTypes.Boolean, "Reuse replies for the same model and rendered prompt."),
            Field("redactFields", ConfigFieldTypes.Array, "Expressions whose values are masked in the prompt (names)."),
            Field("restorePlaceholders", ConfigFieldTypes.Boolean, "Put masked values back into the parsed reply."),
            Field("confidenceFromLogprobs", ConfigFieldTypes.Boolean, "Confidence = the output tokens' mean probability from the provider's log-probabilities."),
        ],
    };
}
