using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

public sealed partial class RolloutStore
{
    private const string SloBreachKind = "slo.breach";
    private const string NodeCompletedKind = "node.completed";
    private const string DegradedPort = "\"port\":\"degraded\"";
    private static readonly RunStatus[] Decided = [RunStatus.Completed, RunStatus.WaitingForHuman, RunStatus.Faulted];
    private static readonly RunStatus[] Finished = [RunStatus.Completed, RunStatus.Faulted, RunStatus.Cancelled];

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

        var rows = await runs.Select(r => new { r.Id, r.Status, r.HumanDecided, r.StartedAt, r.EndedAt }).ToListAsync(cancellationToken);
        // Read per task and reduced here: SQLite cannot aggregate DateTimeOffset columns.
        var tasks = await (from t in db.HumanTasks
                           join r in runs on t.RunId equals r.Id
                           select new { t.RunId, t.CreatedAt, t.Decision, t.Correction, t.EditsJson }).ToListAsync(cancellationToken);
        var escalatedAt = tasks.GroupBy(t => t.RunId).ToDictionary(g => g.Key, g => g.Min(t => t.CreatedAt));
        var degraded = await (from e in db.TraceEvents
                              join r in runs on e.RunId equals r.Id
                              where e.Kind == SloBreachKind || (e.Kind == NodeCompletedKind && e.Json.Contains(DegradedPort))
                              select e.RunId).Distinct().CountAsync(cancellationToken);

        // A person's decision is the run's label; it marks the automatic part wrong when the person changed its draft.
        var labelled = tasks.Where(t => t.Decision != null).GroupBy(t => t.RunId)
            .Select(g => new { RunId = g.Key, Corrected = g.Any(t => t.Correction != null || t.EditsJson is not (null or "{}" or "null")) })
            .ToList();

        var latencies = rows
            .Select(r => escalatedAt.TryGetValue(r.Id, out var at) ? (at - r.StartedAt).TotalMilliseconds
                : r.EndedAt is { } end ? (end - r.StartedAt).TotalMilliseconds : (double?)null)
            .Where(ms => ms is not null).Select(ms => Math.Max(0, ms!.Value)).Order().ToList();
        return new RolloutSideStats(
            version,
            rows.Count,
            rows.Count(r => r.Status == RunStatus.Completed && !r.HumanDecided && !escalatedAt.ContainsKey(r.Id)),
            rows.Count(r => escalatedAt.ContainsKey(r.Id)),
            degraded,
            labelled.Count,
            labelled.Count(l => l.Corrected),
            0,
            latencies);
    }

    private static async Task<RolloutSideStats> ShadowStatsAsync(DesignerDbContext db, RolloutRecord rollout, CancellationToken cancellationToken)
    {
        var cases = await db.RolloutShadowCases.AsNoTracking().Where(c => c.RolloutId == rollout.Id).ToListAsync(cancellationToken);

        // The live run's End node is a label once a person decided it; the candidate's automatic decision is wrong when it differs.
        var labelled = cases.Where(c => c.Flipped is not null && c.LiveHumanDecided && c.Outcome == "automated").ToList();
        return new RolloutSideStats(
            rollout.CandidateVersion,
            cases.Count,
            cases.Count(c => c.Outcome == "automated"),
            cases.Count(c => c.Outcome == "escalated"),
            cases.Count(c => c.Degraded),
            labelled.Count,
            labelled.Count(c => c.Flipped == true),
            cases.Count(c => c.Flipped == true),
            [.. cases.Where(c => c.Outcome != "failed").Select(c => c.LatencyMs).Order()]);
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
