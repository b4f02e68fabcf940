using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

public sealed partial class RolloutStore
{
    private const string SloBreachKind = "slo.breach";
    private const string NodeCompletedKind = "node.completed";
    private const string DegradedPort = "\"port\":\"degraded\"";
    private static readonly RunStatus[] Decided = [RunStatus.Completed, RunStatus.WaitingForHuman, RunStatus.Faulted];
    private static readonly RunStatus[] Finished = [RunStatus.Completed, RunStatus.Faulted, RunStatus.Cancelled];

    /// <summary>Most recent runs (shadow: cases) per side whose decision latencies feed the guard percentiles.</summary>
    public const int LatencySample = 10_000;

    /// <inheritdoc />
    public async Task<IReadOnlyList<RolloutSideStats>> GetStatsAsync(RolloutRecord rollout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var baseline = await LiveStatsAsync(db, rollout, rollout.BaselineVersion, cancellationToken);
        var candidate = rollout.Mode == RolloutModes.Shadow
            ? await ShadowStatsAsync(db, rollout, cancellationToken)
            : await LiveStatsAsync(db, rollout, rollout.CandidateVersion, cancellationToken);
        return [baseline, candidate];
    }

    private static async Task<RolloutSideStats> LiveStatsAsync(DesignerDbContext db, RolloutRecord rollout, int version, CancellationToken cancellationToken)
    {
        var runs = db.Runs.AsNoTracking().Where(r => r.WorkflowId == rollout.WorkflowId && r.VersionNumber == version
            && r.StartedAt >= rollout.StartedAt && Decided.Contains(r.Status));
        if (rollout.EndedAt is { } until)
        {
            runs = runs.Where(r => r.StartedAt <= until);
        }

        // Issue 14 item 7: counts in the database; only the latency sample (most recent runs) is read row by row.
        var tasks = from t in db.HumanTasks
                    join r in runs on t.RunId equals r.Id
                    select t;
        var count = await runs.CountAsync(cancellationToken);
        var escalated = await tasks.Select(t => t.RunId).Distinct().CountAsync(cancellationToken);
        var automated = await runs.CountAsync(
            r => r.Status == RunStatus.Completed && !r.HumanDecided && !db.HumanTasks.Any(t => t.RunId == r.Id), cancellationToken);
        var degraded = await (from e in db.TraceEvents
                              join r in runs on e.RunId equals r.Id
                              where e.Kind == SloBreachKind || (e.Kind == NodeCompletedKind && e.Json.Contains(DegradedPort))
                              select e.RunId).Distinct().CountAsync(cancellationToken);

        // A person's decision is the run's label; it marks the automatic part wrong when the person changed its draft.
        var decided = tasks.Where(t => t.Decision != null);
        var labelled = await decided.Select(t => t.RunId).Distinct().CountAsync(cancellationToken);
        var wrong = await decided.Where(t => t.Correction != null || (t.EditsJson != null && t.EditsJson != "{}" && t.EditsJson != "null"))
            .Select(t => t.RunId).Distinct().CountAsync(cancellationToken);

        var sample = runs.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(LatencySample);
        var rows = await sample.Select(r => new { r.Id, r.StartedAt, r.EndedAt }).ToListAsync(cancellationToken);
        // Read per task and reduced here: SQLite cannot aggregate DateTimeOffset columns (at most the sample's tasks).
        var sampledTasks = await (from t in db.HumanTasks
                                  join r in sample on t.RunId equals r.Id
                                  select new { t.RunId, t.CreatedAt }).ToListAsync(cancellationToken);
        var escalatedAt = sampledTasks.GroupBy(t => t.RunId).ToDictionary(g => g.Key, g => g.Min(t => t.CreatedAt));
        var latencies = rows
            .Select(r => escalatedAt.TryGetValue(r.Id, out var at) ? (at - r.StartedAt).TotalMilliseconds
                : r.EndedAt is { } end ? (end - r.StartedAt).TotalMilliseconds : (double?)null)
            .Where(ms => ms is not null).Select(ms => Math.Max(0, ms!.Value)).Order().ToList();
        return new RolloutSideStats(version, count, automated, escalated, degraded, labelled, wrong, 0, latencies);
    }

    private static async Task<RolloutSideStats> ShadowStatsAsync(DesignerDbContext db, RolloutRecord rollout, CancellationToken cancellationToken)
    {
        // Issue 14 item 7: one row per mirrored run, so counted in the database; latencies over the most recent cases.
        var cases = db.RolloutShadowCases.AsNoTracking().Where(c => c.RolloutId == rollout.Id);

        // The live run's End node is a label once a person decided it; the candidate's automatic decision is wrong when it differs.
        var labelled = cases.Where(c => c.Flipped != null && c.LiveHumanDecided && c.Outcome == "automated");
        var latencies = await cases.Where(c => c.Outcome != "failed").OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.RunId)
            .Take(LatencySample).Select(c => c.LatencyMs).ToListAsync(cancellationToken);
        return new RolloutSideStats(
            rollout.CandidateVersion,
            await cases.CountAsync(cancellationToken),
            await cases.CountAsync(c => c.Outcome == "automated", cancellationToken),
            await cases.CountAsync(c => c.Outcome == "escalated", cancellationToken),
            await cases.CountAsync(c => c.Degraded, cancellationToken),
            await labelled.CountAsync(cancellationToken),
            await labelled.CountAsync(c => c.Flipped == true, cancellationToken),
            await cases.CountAsync(c => c.Flipped == true, cancellationToken),
            [.. latencies.Order()]);
    }

    /// <inheritdoc />
    public async Task RecordShadowCaseAsync(RolloutShadowCaseRecord shadowCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shadowCase);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RolloutShadowCases.AnyAsync(c => c.RolloutId == shadowCase.RolloutId && c.RunId == shadowCase.RunId, cancellationToken))
        {
            return;
        }

        db.RolloutShadowCases.Add(new RolloutShadowCaseEntity
        {
            RolloutId = shadowCase.RolloutId,
            RunId = shadowCase.RunId,
            Outcome = shadowCase.Outcome,
            EndNode = shadowCase.EndNode,
            EscalatedTo = shadowCase.EscalatedTo,
            Degraded = shadowCase.Degraded,
            LatencyMs = shadowCase.LatencyMs,
            Cost = shadowCase.Cost,
            RecordedAt = Clock.UtcNow(_timeProvider),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (Designer.Persistence.Data.DbErrors.IsUniqueViolation(ex))
        {
            // Recorded concurrently by a retry: the first result stands.
        }
    }

    /// <inheritdoc />
    public async Task<int> CompareShadowCasesAsync(Guid rolloutId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var pending = await (from c in db.RolloutShadowCases.Where(c => c.RolloutId == rolloutId && c.Flipped == null)
                             join r in db.Runs on c.RunId equals r.Id
                             where Finished.Contains(r.Status)
                             select new { Case = c, r.EndNode, r.HumanDecided }).ToListAsync(cancellationToken);
        foreach (var p in pending)
        {
            p.Case.LiveEndNode = p.EndNode;
            p.Case.LiveHumanDecided = p.HumanDecided;
            p.Case.Flipped = !string.Equals(p.Case.EndNode, p.EndNode, StringComparison.Ordinal);
        }

        await db.SaveChangesAsync(cancellationToken);
        return pending.Count;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RolloutShadowCaseRecord>> ListShadowCasesAsync(Guid rolloutId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.RolloutShadowCases.AsNoTracking().Where(c => c.RolloutId == rolloutId).OrderBy(c => c.RecordedAt).ToListAsync(cancellationToken);
        return rows.ConvertAll(RolloutShadowCaseRecord.From);
    }
}
