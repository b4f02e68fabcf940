using Designer.Hosting;

namespace Designer.Persistence;

/// <summary>
/// The model registry's rows (issue 14): every host on the database sees the same versions and statuses. Each
/// change appends its audit entry in the same transaction (<see cref="AuditedChange"/>), so there is no approved
/// model without its entry. Statuses are the registry's strings; this store does not interpret them beyond what the
/// caller's check decides.
/// </summary>
public interface IModelVersionStore
{
    /// <summary>Versions of one model, or of all models when <paramref name="modelId"/> is null, ordered by id then version.</summary>
    /// <param name="modelId">Model id, or null.</param>
    Task<IReadOnlyList<ModelVersionRecord>> ListAsync(string? modelId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the model's next version and the audit entry <paramref name="audit"/> builds for it, in one transaction. A
    /// bootstrap (<see cref="NewModelVersion.FirstVersionStatus"/> set) whose bytes are already a version of the model
    /// returns that version and writes nothing, so hosts that start together register a bootstrap once.
    /// </summary>
    /// <param name="audit">Builds the entry from the stored row (its number is known only then).</param>
    /// <returns>The stored row.</returns>
    Task<ModelVersionRecord> AddAsync(NewModelVersion version, Func<ModelVersionRecord, AuditDraft> audit, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a version under its own number (the one-time import of a host's old model folder); false, and nothing
    /// written, when that version already exists.
    /// </summary>
    /// <param name="version">The version to import.</param>
    /// <param name="audit">Its audit entry.</param>
    Task<bool> ImportAsync(ModelVersionRecord version, AuditDraft audit, CancellationToken cancellationToken);

    /// <summary>
    /// Changes a version's status with its audit entry in one transaction. <paramref name="check"/> sees the current
    /// row inside the transaction and returns why the change is refused (InvalidState), or null to go on.
    /// </summary>
    /// <param name="changedBy">Who changes it.</param>
    /// <param name="check">The transition rule.</param>
    /// <param name="audit">Builds the entry from the updated row.</param>
    /// <returns>The updated row, or NotFound / InvalidState / Conflict.</returns>
    Task<OperationResult<ModelVersionRecord>> ChangeStatusAsync(
        string modelId,
        int version,
        string status,
        string changedBy,
        Func<ModelVersionRecord, string?> check,
        Func<ModelVersionRecord, AuditDraft> audit,
        CancellationToken cancellationToken);
}
