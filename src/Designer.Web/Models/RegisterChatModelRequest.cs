namespace Designer.Web.Models;

/// <summary>
/// The body of <c>POST /api/chat-models</c>: one new version of a chat model, bound by <c>ApiJson.ReadAsync</c> (every
/// wrongly typed property is listed); the service checks the values. No key is accepted, only a secret's name.
/// </summary>
/// <param name="Id">The chat model's id; a known id gets its next version.</param>
/// <param name="Provider">The provider kind that serves the model.</param>
/// <param name="Endpoint">The provider's base URL; it must be on the administrators' allow-list.</param>
/// <param name="ModelName">The model's name at the provider.</param>
/// <param name="Temperature">The sampling temperature, or null for the provider's default.</param>
/// <param name="MaxOutputTokens">The most tokens one answer may have, or null for the provider's default.</param>
/// <param name="InputPricePer1K">The price of 1,000 input tokens; 0 when left out.</param>
/// <param name="OutputPricePer1K">The price of 1,000 output tokens; 0 when left out.</param>
/// <param name="ContextWindow">The model's context window in tokens; 8,192 when left out.</param>
/// <param name="SupportsJsonSchema">Whether the model honours a JSON schema for its answer; true when left out.</param>
/// <param name="ApiKeySecret">The name of the secret that holds the API key, never the key itself.</param>
/// <param name="Description">What the version is for, shown to approvers.</param>
internal sealed record RegisterChatModelRequest(
    string? Id,
    string? Provider,
    string? Endpoint,
    string? ModelName,
    double? Temperature = null,
    int? MaxOutputTokens = null,
    decimal? InputPricePer1K = null,
    decimal? OutputPricePer1K = null,
    int? ContextWindow = null,
    bool? SupportsJsonSchema = null,
    string? ApiKeySecret = null,
    string? Description = null)
{
    /// <summary>The registration the service checks; a property left out takes the default its doc names.</summary>
    /// <param name="registeredBy">The stable id of the registering user.</param>
    /// <returns>The registration with the defaults filled in, for the chat-model service to check.</returns>
    public Designer.Inference.ChatModels.ChatModelRegistration ToRegistration(string registeredBy) => new()
    {
        Id = Id ?? string.Empty,
        Provider = Provider ?? string.Empty,
        Endpoint = Endpoint ?? string.Empty,
        ModelName = ModelName ?? string.Empty,
        Temperature = Temperature,
        MaxOutputTokens = MaxOutputTokens,
        InputPricePer1K = InputPricePer1K ?? 0,
        OutputPricePer1K = OutputPricePer1K ?? 0,
        ContextWindow = ContextWindow ?? 8192,
        SupportsJsonSchema = SupportsJsonSchema ?? true,
        ApiKeySecret = ApiKeySecret,
        Description = Description,
        RegisteredBy = registeredBy,
    };
}
