using Designer.Inference.Registry;

namespace Designer.Inference.ChatModels;

/// <summary>
/// A chat-model registry whose changes commit together with their audit entry (issue 14). The database registry
/// implements it; the web's chat-model governance uses it when it is registered.
/// </summary>
public interface IAuditedChatModelRegistry : IChatModelRegistry
{
    /// <summary>Registers the next version, pending approval, and the entry <paramref name="audit"/> builds for it, in one transaction.</summary>
    /// <param name="audit">Builds the entry from the stored version (its number is known only then).</param>
    /// <returns>The stored version.</returns>
    /// <exception cref="ChatModelGovernanceException">The registration breaks a rule.</exception>
    Task<ChatModelVersion> RegisterAsync(ChatModelRegistration registration, Func<ChatModelVersion, ModelAuditEntry> audit, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a version from <paramref name="expected"/> to <paramref name="status"/> with the entry <paramref name="audit"/>
    /// builds, in one transaction; the expected status and the four-eyes rule are checked on the row inside it.
    /// </summary>
    /// <param name="id">Chat-model id.</param>
    /// <param name="expected">The status the version must have.</param>
    /// <param name="changedBy">Stable id of the acting user.</param>
    /// <param name="audit">Builds the entry from the updated version.</param>
    /// <returns>The updated version.</returns>
    /// <exception cref="ModelNotFoundException">No such version.</exception>
    /// <exception cref="ChatModelGovernanceException">Not <paramref name="expected"/>, a forbidden transition, or the registrant approving.</exception>
    Task<ChatModelVersion> SetStatusAsync(
        string id, int version, ModelStatus expected, ModelStatus status, string changedBy, Func<ChatModelVersion, ModelAuditEntry> audit, CancellationToken cancellationToken);
}
