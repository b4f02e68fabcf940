using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

public sealed partial class RolloutStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<RolloutRecord>> ListRolledBackForUserAsync(string userId, DateTimeOffset since, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from r in db.Rollouts.AsNoTracking()
            join v in db.WorkflowVersions.AsNoTracking() on new { r.WorkflowId, Number = r.CandidateVersion } equals new { v.WorkflowId, v.Number }
            where r.State == RolloutStates.RolledBack && (r.StartedById == userId || v.ReviewedById == userId)
            orderby r.Id descending
            select r).Take(max).ToListAsync(cancellationToken);

        // Version 7 ids sort by start time; the end time is filtered here (SQLite cannot compare DateTimeOffset).
        return [.. rows.Where(r => r.EndedAt >= since).Select(RolloutRecord.From)];
    }

    /// <summary>
    /// Names the people to notify in the rollback's audit <paramref name="data"/> and queues one outbox row per
    /// subscriber of <see cref="NotificationEventTypes.RolloutRolledBack"/> for the workflow; the caller's transaction
    /// commits them with the rollback. The event carries ids, versions and the guard, never a run's input.
    /// </summary>
    private async Task AddRollbackNotificationsAsync(
        DesignerDbContext db, RolloutEntity row, RolloutBreach? breach, JsonObject data, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var approver = await db.WorkflowVersions.AsNoTracking()
            .Where(v => v.WorkflowId == row.WorkflowId && v.Number == row.CandidateVersion)
            .Select(v => new { v.ReviewedById, v.ReviewedByName })
            .SingleOrDefaultAsync(cancellationToken);
        var notify = new JsonArray();
        if (approver?.ReviewedById is { } approverId)
        {
            notify.Add(Person("approver", approverId, approver.ReviewedByName));
        }

        notify.Add(Person("starter", row.StartedById, row.StartedByName));
        var guard = breach is null ? null : new JsonObject { ["name"] = breach.Guard, ["value"] = breach.Value, ["limit"] = breach.Limit };
        data["guard"] = guard?.DeepClone();
        data["notified"] = notify.DeepClone();

        var subscribers = _notifications?.SubscribersFor(NotificationEventTypes.RolloutRolledBack, row.WorkflowId) ?? [];
        if (subscribers.Count == 0)
        {
            return;
        }

        var payload = new JsonObject
        {
            ["rollout"] = new JsonObject
            {
                ["id"] = row.Id.ToString("D"),
                ["workflowId"] = row.WorkflowId.ToString("D"),
                ["mode"] = row.Mode,
                ["percent"] = row.Percent,
                ["candidateVersion"] = row.CandidateVersion,
                ["baselineVersion"] = row.BaselineVersion,
                ["reason"] = row.Reason,
                ["startedAt"] = row.StartedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            },
            ["guard"] = guard,
            ["notify"] = notify,
        }.ToJsonString();
        NotificationOutbox.Add(db, subscribers, NotificationEventTypes.RolloutRolledBack, now, entity =>
        {
            entity.RunId = Guid.Empty;
            entity.WorkflowId = row.WorkflowId;
            entity.VersionNumber = row.CandidateVersion;
            entity.Data = payload;
        });
    }

    private static JsonObject Person(string role, string id, string? name) => new() { ["role"] = role, ["id"] = id, ["name"] = name };
}
