using Designer.Persistence;
using Designer.Runtime.Rollouts;
using Designer.Web.Rollouts;

namespace Designer.Web.Tests.Rollouts;

/// <summary>Issue 13: the deterministic canary split and the guard verdicts, without a host.</summary>
public sealed class Issue13RolloutSplitTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IsCandidate_Issue13_ThousandKeysAtTenPercentWithinBinomialBound()
    {
        // Arrange: 1,000 keys at 10 %: mean 100, sd √(1000·0.1·0.9) ≈ 9.5; 4 sd either side.
        var rollout = Guid.Parse("0193a0b4-5c1e-7d2f-8a9b-0c1d2e3f4a5b");
        var keys = Enumerable.Range(0, 1_000).Select(i => $"order-{i}").ToList();

        // Act
        var first = keys.Where(k => RolloutSplit.IsCandidate(rollout, k, 10)).ToList();
        var again = keys.Where(k => RolloutSplit.IsCandidate(rollout, k, 10)).ToList();

        // Assert
        Assert.InRange(first.Count, 62, 138);
        Assert.Equal(first, again);
    }

    [Fact]
    public void IsCandidate_Issue13_ManyRolloutsAverageToThePercentAndRedrawTheSides()
    {
        // Arrange: 50 rollouts × 1,000 keys at 25 %: mean 12,500, sd ≈ 96.8.
        var keys = Enumerable.Range(0, 1_000).Select(i => $"k{i}").ToList();
        var rollouts = Enumerable.Range(0, 50).Select(i => new Guid(i, 0, 0, new byte[8])).ToList();

        // Act
        var total = rollouts.Sum(r => keys.Count(k => RolloutSplit.IsCandidate(r, k, 25)));
        var sideOfFirstKey = rollouts.Select(r => RolloutSplit.IsCandidate(r, keys[0], 25)).Distinct().Count();

        // Assert
        Assert.InRange(total, 12_500 - 400, 12_500 + 400);
        Assert.Equal(2, sideOfFirstKey);
    }

    [Fact]
    public void Judge_Issue13_RateGuardWaitsForMinRunsThenBreaches()
    {
        // Arrange: escalation 100 % against a 50 % limit, at 2 and then 3 of 3 required runs.
        var rollout = Rollout(minRuns: 3, new RolloutGuards(null, 0.5, null, null));
        var baseline = Side(1, runs: 10, escalated: 0);

        // Act
        var early = RolloutJudge.Judge(rollout, Side(2, runs: 2, escalated: 2), baseline, Start.AddMinutes(1));
        var breached = RolloutJudge.Judge(rollout, Side(2, runs: 3, escalated: 3), baseline, Start.AddMinutes(1));

        // Assert
        Assert.Null(early.State);
        Assert.Equal(RolloutStates.RolledBack, breached.State);
        Assert.Contains("maxEscalationRate", breached.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_Issue13_WindowEndPromotesWithEnoughRunsElseNeedsDecision()
    {
        // Arrange
        var rollout = Rollout(minRuns: 5, new RolloutGuards(0.1, 0.5, 0.2, 5_000));
        var baseline = Side(1, runs: 10, escalated: 1);
        var after = rollout.WindowEnd.AddSeconds(1);

        // Act
        var running = RolloutJudge.Judge(rollout, Side(2, runs: 5, escalated: 1), baseline, rollout.WindowEnd.AddSeconds(-1));
        var promote = RolloutJudge.Judge(rollout, Side(2, runs: 5, escalated: 1), baseline, after);
        var undecided = RolloutJudge.Judge(rollout, Side(2, runs: 4, escalated: 0), baseline, after);

        // Assert
        Assert.Null(running.State);
        Assert.Equal(RolloutStates.Promoted, promote.State);
        Assert.Equal(RolloutStates.NeedsDecision, undecided.State);
    }

    [Fact]
    public void Guards_Issue13_WrongRateCountsOnlyWithLabelsAndLatencyAfterSamples()
    {
        // Arrange: 5 runs, no label yet; 2 latencies of 9 s against a 1 s p95 limit needing min(5, 20) samples.
        var rollout = Rollout(minRuns: 5, new RolloutGuards(0.01, null, null, 1_000));
        var candidate = new RolloutSideStats(2, 5, 5, 0, 0, 0, 0, 0, [9_000, 9_000]);

        // Act
        var guards = RolloutJudge.Guards(rollout, candidate, Side(1, 5, 0));
        var verdict = RolloutJudge.Judge(rollout, candidate, Side(1, 5, 0), Start);
        var labelled = RolloutJudge.Guards(rollout, candidate with { Labelled = 2, Wrong = 1 }, Side(1, 5, 0));

        // Assert
        Assert.All(guards, g => Assert.False(g.Counts));
        Assert.Null(verdict.State);
        Assert.True(labelled.Single(g => g.Name == "maxWrongRate").Breached);
    }

    private static RolloutRecord Rollout(int minRuns, RolloutGuards guards) => new(
        Guid.NewGuid(), Guid.NewGuid(), 2, 1, RolloutModes.Canary, 10, "PT1H", minRuns, guards, RolloutStates.Running, null,
        "u1", "Ann Approver", Start, Start.AddHours(1), null);

    private static RolloutSideStats Side(int version, int runs, int escalated) =>
        new(version, runs, runs - escalated, escalated, 0, 0, 0, 0, [.. Enumerable.Repeat(100.0, runs)]);
}
