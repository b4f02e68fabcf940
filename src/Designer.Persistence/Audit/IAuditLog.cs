using System.Text.Json.Nodes;

namespace Designer.Persistence;

/// <summary>The append-only, hash-chained audit log.</summary>
public interface IAuditLog
{
    /// <summary>Appends one entry in its own transaction, serialised with every other governance write.</summary>
    /// <param name="actor">Who acted.</param>
    /// <param name="action">What was done, e.g. <c>model.approved</c>.</param>
    /// <param name="entityType">Kind of entity acted on.</param>
    /// <param name="entityId">Id of the entity acted on.</param>
    /// <param name="data">Optional details, stored as compact JSON text.</param>
    /// <returns>The stored entry.</returns>
    Task<AuditEntryRecord> AppendAsync(Actor actor, string action, string entityType, string entityId, JsonObject? data, CancellationToken cancellationToken);

    /// <summary>Lists entries newest first, optionally only those for one entity id.</summary>
    /// <param name="page">1-based page number.</param>
    /// <param name="pageSize">Page size, 1..<see cref="Paging.MaxPageSize"/>.</param>
    /// <param name="entityId">Only entries for this entity id, or null for all.</param>
    Task<Page<AuditEntryRecord>> ListAsync(int page, int pageSize, string? entityId, CancellationToken cancellationToken);

    /// <summary>Walks the whole chain by sequence and recomputes every hash.</summary>
    /// <returns>Whether the chain is intact and, if not, where it first breaks.</returns>
    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken);
}
