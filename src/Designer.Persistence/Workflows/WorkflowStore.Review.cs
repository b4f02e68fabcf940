using System.Text.Json.Nodes;
using Designer.Hosting;
using Microsoft.EntityFrameworkCore;
using Designer.Persistence.Audit;

namespace Designer.Persistence;

public sealed partial class WorkflowStore
{
    /// <inheritdoc />
    public Task<OperationResult<VersionRecord>> ApproveVersionAsync(Guid id, int number, Actor approver, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approver);
        return GovernAsync<VersionRecord>(async (db, now) =>
        {
            var (workflow, version) = await LoadAsync(db, id, number, cancellationToken);
            if (workflow is null || version is null)
            {
                return VersionNotFound<VersionRecord>(id, number);
            }

            if (version.Status != VersionStatus.PendingApproval)
            {
                return WrongState<VersionRecord>(version, "approved", VersionStatus.PendingApproval);
            }

            if (string.Equals(version.AuthorId, approver.Id, StringComparison.Ordinal))
            {
                return OperationResults.Failure<VersionRecord>(
                    OperationErrorKind.Forbidden,
                    $"Version {number} was submitted by {approver.Name}; another approver must approve it.");
            }

            var previous = workflow.ActiveVersion;
            Review(version, VersionStatus.Published, approver, comment, now);
            workflow.ActiveVersion = number;
            workflow.UpdatedAt = now;
            var data = new JsonObject { ["version"] = number, ["previousActiveVersion"] = previous, ["comment"] = comment };
            await AuditChain.AppendAsync(db, approver, AuditActions.VersionApproved, AuditActions.WorkflowEntityType, EntityId(id), data, now, cancellationToken);
            return OperationResults.Success(VersionRecord.From(version, workflow.ActiveVersion));
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<OperationResult<VersionRecord>> RejectVersionAsync(Guid id, int number, Actor reviewer, string comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        if (string.IsNullOrWhiteSpace(comment))
        {
            return Task.FromResult(OperationResults.Failure<VersionRecord>(OperationErrorKind.Invalid, "A comment is required to reject a version."));
        }

        return GovernAsync<VersionRecord>(async (db, now) =>
        {
            var (workflow, version) = await LoadAsync(db, id, number, cancellationToken);
            if (workflow is null || version is null)
            {
                return VersionNotFound<VersionRecord>(id, number);
            }

            if (version.Status != VersionStatus.PendingApproval)
            {
                return WrongState<VersionRecord>(version, "rejected", VersionStatus.PendingApproval);
            }

            Review(version, VersionStatus.Rejected, reviewer, comment, now);
            workflow.UpdatedAt = now;
            var data = new JsonObject { ["version"] = number, ["comment"] = comment };
            await AuditChain.AppendAsync(db, reviewer, AuditActions.VersionRejected, AuditActions.WorkflowEntityType, EntityId(id), data, now, cancellationToken);
            return OperationResults.Success(VersionRecord.From(version, workflow.ActiveVersion));
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<OperationResult<WorkflowRecord>> ActivateVersionAsync(Guid id, int number, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return GovernAsync<WorkflowRecord>(async (db, now) =>
        {
            var (workflow, version) = await LoadAsync(db, id, number, cancellationToken);
            if (workflow is null || version is null)
            {
                return VersionNotFound<WorkflowRecord>(id, number);
            }

            if (version.Status != VersionStatus.Published)
            {
                return WrongState<WorkflowRecord>(version, "activated", VersionStatus.Published);
            }

            if (workflow.ActiveVersion == number)
            {
                return OperationResults.Success(WorkflowRecord.From(workflow));
            }

            var previous = workflow.ActiveVersion;
            workflow.ActiveVersion = number;
            workflow.UpdatedAt = now;
            var data = new JsonObject { ["version"] = number, ["previousActiveVersion"] = previous };
            await AuditChain.AppendAsync(db, actor, AuditActions.VersionActivated, AuditActions.WorkflowEntityType, EntityId(id), data, now, cancellationToken);
            return OperationResults.Success(WorkflowRecord.From(workflow));
        }, cancellationToken);
    }

    private static async Task<(WorkflowEntity? Workflow, WorkflowVersionEntity? Version)> LoadAsync(
        DesignerDbContext db, Guid id, int number, CancellationToken cancellationToken)
    {
        var workflow = await db.Workflows.SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        var version = workflow is null
            ? null
            : await db.WorkflowVersions.SingleOrDefaultAsync(v => v.WorkflowId == id && v.Number == number, cancellationToken);
        return (workflow, version);
    }

    private static void Review(WorkflowVersionEntity version, VersionStatus status, Actor reviewer, string? comment, DateTimeOffset now)
    {
        version.Status = status;
        version.ReviewedById = reviewer.Id;
        version.ReviewedByName = reviewer.Name;
        version.ReviewedAt = now;
        version.ReviewComment = comment;
    }

    private static OperationResult<T> WrongState<T>(WorkflowVersionEntity version, string verb, VersionStatus required)
        where T : class => OperationResults.Failure<T>(
            OperationErrorKind.InvalidState,
            $"Version {version.Number} is {version.Status}; only {required} versions can be {verb}.");
}
