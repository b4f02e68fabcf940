namespace Designer.Inference.ChatModels;

/// <summary>Sends one chat request to one approved chat-model version through Semantic Kernel.</summary>
public interface IChatModelGateway
{
    /// <summary>Calls the model. Retries (429/5xx with Retry-After) happen inside; fallbacks are the caller's.</summary>
    /// <param name="version">An approved version.</param>
    /// <param name="turns">Messages, already redacted.</param>
    /// <param name="settings">Per-call settings.</param>
    /// <param name="cancellationToken">Cancellation (the node's SLO).</param>
    /// <exception cref="ChatModelCallException">The call failed; <see cref="ChatModelCallException.Kind"/> says how.</exception>
    Task<ChatReply> CompleteAsync(ChatModelVersion version, IReadOnlyList<ChatTurn> turns, ChatCallSettings settings, CancellationToken cancellationToken);
}
