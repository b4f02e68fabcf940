using Designer.Persistence;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Rollouts;

/// <summary>
/// Issue 14 item 7: a rollout's guard numbers grow with its traffic (one run, or one shadow case, per request), so the
/// store counts in the database and reads rows only for a limited latency sample.
/// </summary>
public sealed class Issue14RolloutStatsBoundTests
{
    [Theory]
    [InlineData(RolloutModes.Canary)]
    [InlineData(RolloutModes.Shadow)]
    public async Task GetStats_Issue14Bounded_EveryQueryCountsOrIsLimited(string mode)
    {
        // Arrange
        await using var factory = new DesignerWebFactory();
        var store = factory.Services.GetRequiredService<IRolloutStore>();
        var now = DateTimeOffset.UtcNow;
        var rollout = new RolloutRecord(
            Guid.NewGuid(), Guid.NewGuid(), 2, 1, mode, 50, "1d", 10, new RolloutGuards(0.1, 0.5, 0.1, 1000), RolloutStates.Running, null,
            "operator", "operator", now.AddHours(-1), now.AddHours(1), null);
        using var recorder = await QueryRecorder.StartAsync(TestContext.Current.CancellationToken);
        IReadOnlyList<RolloutSideStats> stats = [];

        // Act
        var commands = await recorder.RecordAsync(async () => stats = await store.GetStatsAsync(rollout, TestContext.Current.CancellationToken));

        // Assert: no query returns one row per run or case without a LIMIT.
        Assert.Equal(2, stats.Count);
        Assert.NotEmpty(commands);
        var unbounded = commands.Where(c => !c.Contains("COUNT(", StringComparison.OrdinalIgnoreCase)
            && !c.Contains("LIMIT", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Empty(unbounded);
    }
}
