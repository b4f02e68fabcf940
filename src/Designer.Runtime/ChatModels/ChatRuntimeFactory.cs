using Designer.Inference.ChatModels;
using Designer.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Runtime.ChatModels;

/// <summary>Builds <see cref="ChatRuntime"/> from what the inference and persistence modules registered.</summary>
public static class ChatRuntimeFactory
{
    /// <summary>The chat runtime, or null when the chat-model registry or gateway is not registered.</summary>
    /// <returns>The runtime or null.</returns>
    public static ChatRuntime? Create(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registry = services.GetService<IChatModelRegistry>();
        var gateway = services.GetService<IChatModelGateway>();
        if (registry is null || gateway is null)
        {
            return null;
        }

        var options = services.GetService<ChatModelOptions>() ?? new ChatModelOptions();
        return new ChatRuntime
        {
            Registry = registry,
            Gateway = gateway,
            Cache = new ChatResponseCache(options.CacheEntries),
            Audit = services.GetService<IAuditLog>() is { } audit ? new AuditLogChatAuditSink(audit) : null,
        };
    }
}
