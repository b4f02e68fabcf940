using System.Text.Json;
using Designer.Runtime.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Designer.Web.Runs;

/// <summary>
/// Server-side aggregation for the dashboard: counts and sums are GROUP BY queries in the database; percentiles are
/// computed here over the durations and review times the database returns (node latencies over at most
/// <see cref="LatencySample"/> most recent executions per period, since the duration lives in the trace row's JSON;
/// review times over at most <see cref="ReviewSample"/> most recent decisions). No query returns one row per run.
/// </summary>
public sealed class RunAnalytics
{
    /// <summary>Most recent node completions read per period for the latency percentiles.</summary>
    public const int LatencySample = 50_000;

    /// <summary>Most recent decided tasks read per period for the review-time percentiles.</summary>
    public const int ReviewSample = 50_000;

    private readonly IDbContextFactory<DesignerDbContext> _contexts;

    /// <summary>Creates the queries.</summary>
    public RunAnalytics(IDbContextFactory<DesignerDbContext> contexts) => _contexts = contexts;

    /// <summary>Economics per workflow version for runs started in the period, most runs first.</summary>
    /// <param name="workflowId">Only this workflow, or all.</param>
    /// <returns>One row per workflow version with runs.</returns>
    public async Task<IReadOnlyList<VersionEconomics>> EconomicsAsync(DashboardPeriod period, Guid? workflowId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var runs = db.Runs.AsNoTracking().Where(r => r.StartedAt >= period.From && r.StartedAt < period.To);
        if (workflowId is { } id)
        {
            runs = runs.Where(r => r.WorkflowId == id);
        }

        var counts = await runs
            .GroupBy(r => new { r.WorkflowId, r.VersionNumber })
            .Select(g => new
            {
                g.Key.WorkflowId,
                g.Key.VersionNumber,
                Runs = g.Count(),
                Ended = g.Count(r => r.EndedAt != null),
                Automated = g.Count(r => r.Status == RunStatus.Completed && !r.HumanDecided),
            })
            .ToListAsync(cancellationToken);
        // Costs separately: SQLite sums decimals in the client otherwise; this keeps the SUM in the database.
        var costs = await runs.Where(r => r.Status == RunStatus.Completed && !r.HumanDecided)
            .GroupBy(r => new { r.WorkflowId, r.VersionNumber })
            .Select(g => new { g.Key.WorkflowId, g.Key.VersionNumber, Cost = g.Sum(r => (double)r.Cost) })
            .ToListAsync(cancellationToken);
        var escalated = await (from t in db.HumanTasks
                               join r in runs on t.RunId equals r.Id
                               group t.RunId by new { r.WorkflowId, r.VersionNumber } into g
                               select new { g.Key.WorkflowId, g.Key.VersionNumber, Count = g.Distinct().Count() })
            .ToListAsync(cancellationToken);
        var degraded = await (from e in db.TraceEvents
                              join r in runs on e.RunId equals r.Id
                              where e.Kind == TraceEventKinds.SloBreach
                              group e.RunId by new { r.WorkflowId, r.VersionNumber } into g
                              select new { g.Key.WorkflowId, g.Key.VersionNumber, Count = g.Distinct().Count() })
            .ToListAsync(cancellationToken);
        // Issue 14 item 7: review times are a bounded sample (most recent decisions), like the node latencies.
        var reviews = await (from t in db.HumanTasks
                             join r in runs on t.RunId equals r.Id
                             where t.DecidedAt != null
                             orderby t.DecidedAt descending
                             select new { r.WorkflowId, r.VersionNumber, t.CreatedAt, DecidedAt = t.DecidedAt!.Value })
            .Take(ReviewSample)
            .ToListAsync(cancellationToken);
        // Issue 13: a person's decision labels the run; a corrected or edited automatic draft counts as wrong.
        // Issue 14 item 7: counted in the database (distinct runs per version), not one row per decided task.
        var labelled = await (from t in db.HumanTasks
                              join r in runs on t.RunId equals r.Id
                              where t.Decision != null
                              group t.RunId by new { r.WorkflowId, r.VersionNumber } into g
                              select new { g.Key.WorkflowId, g.Key.VersionNumber, Count = g.Distinct().Count() })
            .ToListAsync(cancellationToken);
        var wrong = await (from t in db.HumanTasks
                           join r in runs on t.RunId equals r.Id
                           where t.Decision != null
                                 && (t.Correction != null || (t.EditsJson != null && t.EditsJson != "{}" && t.EditsJson != "null"))
                           group t.RunId by new { r.WorkflowId, r.VersionNumber } into g
                           select new { g.Key.WorkflowId, g.Key.VersionNumber, Count = g.Distinct().Count() })
            .ToListAsync(cancellationToken);
        var latencies = await NodeLatenciesAsync(db, runs, cancellationToken);
        var ids = counts.Select(c => c.WorkflowId).Distinct().ToList();
        var names = await db.Workflows.AsNoTracking().Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name, cancellationToken);

        return [.. counts.Select(c =>
            {
                var review = reviews.Where(r => r.WorkflowId == c.WorkflowId && r.VersionNumber == c.VersionNumber)
                    .Select(r => (r.DecidedAt - r.CreatedAt).TotalSeconds).Order().ToList();
                return new VersionEconomics(
                    c.WorkflowId,
                    names.GetValueOrDefault(c.WorkflowId, c.WorkflowId.ToString()),
                    c.VersionNumber,
                    c.Runs,
                    c.Ended,
                    c.Automated,
                    escalated.SingleOrDefault(e => e.WorkflowId == c.WorkflowId && e.VersionNumber == c.VersionNumber)?.Count ?? 0,
                    degraded.SingleOrDefault(e => e.WorkflowId == c.WorkflowId && e.VersionNumber == c.VersionNumber)?.Count ?? 0,
                    (decimal)(costs.SingleOrDefault(e => e.WorkflowId == c.WorkflowId && e.VersionNumber == c.VersionNumber)?.Cost ?? 0),
                    Percentiles.Of(review, 50),
                    Percentiles.Of(review, 95),
                    latencies.GetValueOrDefault((c.WorkflowId, c.VersionNumber), []))
                {
                    Labelled = labelled.SingleOrDefault(l => l.WorkflowId == c.WorkflowId && l.VersionNumber == c.VersionNumber)?.Count ?? 0,
                    Wrong = wrong.SingleOrDefault(l => l.WorkflowId == c.WorkflowId && l.VersionNumber == c.VersionNumber)?.Count ?? 0,
                };
            })
            .OrderByDescending(v => v.Runs).ThenBy(v => v.WorkflowName, StringComparer.Ordinal).ThenBy(v => v.Version)];
    }

    private static async Task<Dictionary<(Guid, int), IReadOnlyList<NodeLatency>>> NodeLatenciesAsync(
        DesignerDbContext db, IQueryable<RunEntity> runs, CancellationToken cancellationToken)
    {
        var rows = await (from e in db.TraceEvents
                          join r in runs on e.RunId equals r.Id
                          where e.Kind == TraceEventKinds.NodeCompleted && e.NodeId != null
                          orderby e.Timestamp descending
                          select new { r.WorkflowId, r.VersionNumber, e.NodeId, e.Json })
            .Take(LatencySample)
            .ToListAsync(cancellationToken);
        return rows
            .Select(r => (Key: (r.WorkflowId, r.VersionNumber), Node: r.NodeId!, Ms: DurationMs(r.Json)))
            .Where(r => r.Ms is not null)
            .GroupBy(r => r.Key)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<NodeLatency>)[.. g.GroupBy(r => r.Node, StringComparer.Ordinal)
                    .Select(n =>
                    {
                        var sorted = n.Select(r => r.Ms!.Value).Order().ToList();
                        return new NodeLatency(n.Key, sorted.Count, Percentiles.Of(sorted, 50)!.Value, Percentiles.Of(sorted, 95)!.Value);
                    })
                    .OrderBy(n => n.NodeId, StringComparer.Ordinal)]);
    }

    private static double? DurationMs(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty("durationMs", out var d) && d.TryGetDouble(out var ms) ? ms : null;
    }
}
