using Designer.Persistence;
using Designer.Web.Runs;
using Designer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.RunsUi;

/// <summary>The dashboard's server-side aggregation, on each provider, over runs the real runtime executed.</summary>
public abstract class RunAnalyticsTests : RunsUiContext
{
    protected abstract void EnsureProvider();

    [Fact]
    public async Task Economics_OneAutomatedOneReviewedRun_CountsRatesCostAndReviewTime()
    {
        // Arrange
        EnsureProvider();
        var automated = await StartGateRunAsync(42.5);
        var reviewed = await StartGateRunAsync(6000);
        await WaitForRunAsync(automated, RunStatus.Completed);
        await WaitForRunAsync(reviewed, RunStatus.WaitingForHuman);
        await DecideThroughApiAsync((await PendingTaskAsync(reviewed)).Id, "approve");
        await WaitForRunAsync(reviewed, RunStatus.Completed);
        var analytics = AppServices.GetRequiredService<RunAnalytics>();
        var now = DateTimeOffset.UtcNow;

        // Act
        var rows = await analytics.EconomicsAsync(new DashboardPeriod(now.AddDays(-1), now.AddMinutes(1)), App.GateWorkflowId, CancellationToken.None);

        // Assert
        var row = Assert.Single(rows);
        Assert.Equal(1, row.Version);
        Assert.Equal(2, row.Runs);
        Assert.Equal(2, row.Ended);
        Assert.Equal(1, row.Automated);
        Assert.Equal(1, row.Escalated);
        Assert.Equal(0, row.Degraded);
        Assert.Equal(0.5, row.AutomationRate);
        Assert.Equal(0.5, row.EscalationRate);
        Assert.NotNull(row.ReviewP50Seconds);
        Assert.True(row.ReviewP50Seconds >= 0);
        var policy = Assert.Single(row.Nodes, n => n.NodeId == "policy");
        Assert.Equal(2, policy.Count);
        Assert.True(policy.P95Ms >= policy.P50Ms);
    }

    [Fact]
    public async Task Economics_RunOutsideThePeriod_IsNotCounted()
    {
        // Arrange: one run now, one stored as started 20 days ago.
        EnsureProvider();
        var recent = await StartGateRunAsync(42.5);
        await WaitForRunAsync(recent, RunStatus.Completed);
        var contexts = AppServices.GetRequiredService<IDbContextFactory<DesignerDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Runs.Add(new RunEntity
            {
                Id = Guid.CreateVersion7(),
                WorkflowId = App.GateWorkflowId,
                VersionNumber = 1,
                ContentHash = "old",
                Status = RunStatus.Completed,
                StartedById = "operator",
                StartedByName = "operator",
                StartedAt = DateTimeOffset.UtcNow.AddDays(-20),
                EndedAt = DateTimeOffset.UtcNow.AddDays(-20),
                Cost = 1m,
            });
            await db.SaveChangesAsync();
        }

        var analytics = AppServices.GetRequiredService<RunAnalytics>();
        var now = DateTimeOffset.UtcNow.AddMinutes(1);

        // Act
        var week = await analytics.EconomicsAsync(new DashboardPeriod(now.AddDays(-7), now), App.GateWorkflowId, CancellationToken.None);
        var month = await analytics.EconomicsAsync(new DashboardPeriod(now.AddDays(-30), now), App.GateWorkflowId, CancellationToken.None);

        // Assert
        Assert.Equal(1, Assert.Single(week).Runs);
        Assert.Equal(2, Assert.Single(month).Runs);
        Assert.Equal(2, Assert.Single(month).Automated);
        Assert.Equal(0.5m, Assert.Single(month).CostPerAutomated);
    }

    [Fact]
    public async Task Economics_Issue14Bounded_EveryQueryIsAggregatedOrLimited()
    {
        // Arrange: one reviewed run, so every query has rows to read.
        EnsureProvider();
        var reviewed = await StartGateRunAsync(6000);
        await WaitForRunAsync(reviewed, RunStatus.WaitingForHuman);
        await DecideThroughApiAsync((await PendingTaskAsync(reviewed)).Id, "approve");
        await WaitForRunAsync(reviewed, RunStatus.Completed);
        var analytics = AppServices.GetRequiredService<RunAnalytics>();
        var now = DateTimeOffset.UtcNow;
        using var recorder = await QueryRecorder.StartAsync(CancellationToken.None);

        // Act
        var commands = await recorder.RecordAsync(() => analytics.EconomicsAsync(new DashboardPeriod(now.AddDays(-1), now.AddMinutes(1)), null, CancellationToken.None));

        // Assert: a query either groups (rows per workflow version) or has a LIMIT; only the names lookup (one row per
        // workflow the groups named) does neither. A query returning one row per run or task grows with the data.
        Assert.NotEmpty(commands);
        var unbounded = commands.Where(c => !c.Contains("GROUP BY", StringComparison.OrdinalIgnoreCase)
                && !c.Contains("LIMIT", StringComparison.OrdinalIgnoreCase)
                && !c.Contains("FROM \"Workflows\"", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(unbounded);
    }
}
