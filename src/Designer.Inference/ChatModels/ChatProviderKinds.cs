namespace Designer.Inference.ChatModels;

/// <summary>The provider kinds a chat-model version may name.</summary>
public static class ChatProviderKinds
{
    /// <summary>api.openai.com or any endpoint speaking its API with a bearer key.</summary>
    public const string OpenAi = "openai";

    /// <summary>An Azure OpenAI resource; the model name is the deployment name.</summary>
    public const string AzureOpenAi = "azure-openai";

    /// <summary>Ollama, vLLM, LM Studio: the OpenAI wire format at <c>http://host:port/v1</c>, key optional.</summary>
    public const string OpenAiCompatible = "openai-compatible";

    /// <summary>Every accepted kind.</summary>
    public static readonly IReadOnlyList<string> All = [OpenAi, AzureOpenAi, OpenAiCompatible];
}
