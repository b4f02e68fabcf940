using Designer.Inference.Registry;

namespace Designer.Inference.ChatModels;

/// <summary>Versioned, approval-gated store of chat-model versions (the chat half of the model registry).</summary>
public interface IChatModelRegistry
{
    /// <summary>Every version of every chat model, by id then version.</summary>
    Task<IReadOnlyList<ChatModelVersion>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One version, or with <paramref name="version"/> null the highest approved one.</summary>
    /// <param name="id">Model id.</param>
    /// <param name="version">Version or null.</param>
    /// <returns>The version, or null.</returns>
    Task<ChatModelVersion?> GetAsync(string id, int? version, CancellationToken cancellationToken);

    /// <summary>Registers the next version, pending approval. Every problem is reported at once.</summary>
    /// <returns>The stored version.</returns>
    /// <exception cref="ChatModelGovernanceException">The registration breaks a rule (unapproved endpoint, key in a field, ...).</exception>
    Task<ChatModelVersion> RegisterAsync(ChatModelRegistration registration, CancellationToken cancellationToken);

    /// <summary>Approves, rejects or retires a version. Who registered a version cannot approve it.</summary>
    /// <param name="id">Model id.</param>
    /// <param name="changedBy">Stable id of the acting user.</param>
    /// <returns>The updated version.</returns>
    Task<ChatModelVersion> SetStatusAsync(string id, int version, ModelStatus status, string changedBy, CancellationToken cancellationToken);
}
