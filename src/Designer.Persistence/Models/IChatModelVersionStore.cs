using Designer.Hosting;

namespace Designer.Persistence;

/// <summary>
/// The chat-model registry's rows (issue 14): every host on the database sees the same versions and statuses, and
/// each change appends its audit entry in the same transaction (<see cref="AuditedChange"/>). Statuses are the
/// registry's strings; the rules are the caller's check, run on the row inside the transaction.
/// </summary>
public interface IChatModelVersionStore
{
    /// <summary>Versions of one chat model, or of all when <paramref name="modelId"/> is null, ordered by id then version.</summary>
    /// <param name="modelId">Chat-model id, or null.</param>
    Task<IReadOnlyList<ChatModelVersionRecord>> ListAsync(string? modelId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the model's next version (its number chosen inside the serialised governance transaction) with the entry
    /// <paramref name="audit"/> builds for the stored row, in one transaction.
    /// </summary>
    /// <param name="modelId">Chat-model id.</param>
    /// <param name="status">Status of the new version.</param>
    /// <param name="registeredBy">Who registers it.</param>
    /// <param name="createdAt">Registration time.</param>
    /// <param name="versionJson">The rest of the version (the columns win over what it says about id, number, status and people).</param>
    /// <param name="audit">Builds the entry from the stored row.</param>
    /// <returns>The stored row.</returns>
    Task<ChatModelVersionRecord> AddAsync(
        string modelId,
        string status,
        string registeredBy,
        DateTimeOffset createdAt,
        string versionJson,
        Func<ChatModelVersionRecord, AuditDraft> audit,
        CancellationToken cancellationToken);

    /// <summary>Adds a version under its own number (the one-time import of a host's old folder); false, nothing written, when it exists.</summary>
    /// <param name="audit">Its audit entry.</param>
    Task<bool> ImportAsync(ChatModelVersionRecord version, AuditDraft audit, CancellationToken cancellationToken);

    /// <summary>
    /// Changes a version's status with its audit entry in one transaction. <paramref name="check"/> sees the current
    /// row inside the transaction and returns why the change is refused (InvalidState), or null to go on.
    /// </summary>
    /// <param name="modelId">Chat-model id.</param>
    /// <param name="changedBy">Who changes it.</param>
    /// <param name="check">The transition rule.</param>
    /// <param name="audit">Builds the entry from the updated row.</param>
    /// <returns>The updated row, or NotFound / InvalidState / Conflict.</returns>
    Task<OperationResult<ChatModelVersionRecord>> ChangeStatusAsync(
        string modelId,
        int version,
        string status,
        string changedBy,
        Func<ChatModelVersionRecord, string?> check,
        Func<ChatModelVersionRecord, AuditDraft> audit,
        CancellationToken cancellationToken);
}
