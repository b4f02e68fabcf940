using System.Text.Json.Nodes;
using Designer.Hosting;
using Microsoft.EntityFrameworkCore;
using Designer.Persistence.Audit;
using Designer.Persistence.Data.Configuration;

namespace Designer.Persistence;

public sealed partial class WorkflowStore
{
    /// <inheritdoc />
    public Task<OperationResult<VersionRecord>> SubmitVersionAsync(
        Guid id,
        string canonicalJson,
        string contentHash,
        string expectedDraftETag,
        Actor author,
        JsonObject? auditData,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(canonicalJson);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentHash);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(contentHash.Length, Limits.HashLength, nameof(contentHash));
        ArgumentNullException.ThrowIfNull(author);

        return GovernAsync<VersionRecord>(async (db, now) =>
        {
            var workflow = await db.Workflows.SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
            if (workflow is null)
            {
                return NotFound<VersionRecord>(id);
            }

            var draftETag = await db.WorkflowDrafts.Where(d => d.WorkflowId == id).Select(d => d.ETag).SingleAsync(cancellationToken);
            if (!ETags.Matches(expectedDraftETag, draftETag))
            {
                return OperationResults.Failure<VersionRecord>(
                    OperationErrorKind.Conflict,
                    $"The draft changed since it was loaded (current ETag {ETags.Format(draftETag)}); reload and submit again.");
            }

            // Read inside the serialised transaction, so concurrent submits see each other's numbers.
            var number = (await db.WorkflowVersions.Where(v => v.WorkflowId == id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;
            var version = new WorkflowVersionEntity
            {
                WorkflowId = id,
                Number = number,
                CanonicalJson = canonicalJson,
                ContentHash = contentHash,
                AuthorId = author.Id,
                AuthorName = author.Name,
                CreatedAt = now,
                Status = VersionStatus.PendingApproval,
            };
            db.WorkflowVersions.Add(version);
            workflow.UpdatedAt = now;

            var data = auditData?.DeepClone().AsObject() ?? [];
            data["version"] = number;
            data["contentHash"] = contentHash;
            await AuditChain.AppendAsync(db, author, AuditActions.VersionSubmitted, AuditActions.WorkflowEntityType, EntityId(id), data, now, cancellationToken);
            return OperationResults.Success(VersionRecord.From(version, workflow.ActiveVersion));
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<VersionRecord?> GetVersionAsync(Guid id, int number, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.WorkflowVersions.AsNoTracking()
            .Where(v => v.WorkflowId == id && v.Number == number)
            .Join(db.Workflows, v => v.WorkflowId, w => w.Id, (v, w) => new { Version = v, w.ActiveVersion })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : VersionRecord.From(row.Version, row.ActiveVersion);
    }

    /// <inheritdoc />
    public async Task<Page<VersionSummary>> ListVersionsAsync(Guid id, int page, int pageSize, CancellationToken cancellationToken)
    {
        Paging.EnsureValid(page, pageSize);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var active = await db.Workflows.Where(w => w.Id == id).Select(w => w.ActiveVersion).SingleOrDefaultAsync(cancellationToken);
        var query = db.WorkflowVersions.AsNoTracking().Where(v => v.WorkflowId == id);
        var total = await query.LongCountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(v => v.Number)
            .Skip(Paging.Skip(page, pageSize))
            .Take(pageSize)
            .Select(v => new VersionSummary(
                v.WorkflowId,
                v.Number,
                v.ContentHash,
                v.Status,
                v.Number == active,
                v.AuthorId,
                v.AuthorName,
                v.CreatedAt,
                v.ReviewedByName,
                v.ReviewedAt))
            .ToListAsync(cancellationToken);
        return new Page<VersionSummary>(items, page, pageSize, total);
    }

    private static OperationResult<T> NotFound<T>(Guid id)
        where T : class => OperationResults.Failure<T>(OperationErrorKind.NotFound, $"Workflow {id} does not exist.");

    private static OperationResult<T> VersionNotFound<T>(Guid id, int number)
        where T : class => OperationResults.Failure<T>(OperationErrorKind.NotFound, $"Version {number} of workflow {id} does not exist.");
}
