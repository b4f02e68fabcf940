namespace Designer.InferenceHost.Api;

/// <summary>Token usage; the property names are OpenAI's snake_case.</summary>
internal sealed record EmbeddingsUsage(
    [property: System.Text.Json.Serialization.JsonPropertyName("prompt_tokens")] int PromptTokens,
    [property: System.Text.Json.Serialization.JsonPropertyName("total_tokens")] int TotalTokens);
