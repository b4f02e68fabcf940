using Designer.Inference.ChatModels;

namespace Designer.Runtime.ChatModels;

/// <summary>What chat-model nodes call: the governed registry, the SK gateway, the opt-in reply cache and the audit.</summary>
public sealed class ChatRuntime
{
    /// <summary>Approved chat-model versions.</summary>
    public required IChatModelRegistry Registry { get; init; }

    /// <summary>Sends requests through Semantic Kernel.</summary>
    public required IChatModelGateway Gateway { get; init; }

    /// <summary>Replies by model@version + rendered-prompt hash, for nodes that opt in.</summary>
    public ChatResponseCache Cache { get; init; } = new(512);

    /// <summary>Hash-chains each prompt/response pair; null only in tests that do not check the audit.</summary>
    public IChatAuditSink? Audit { get; init; }
}
