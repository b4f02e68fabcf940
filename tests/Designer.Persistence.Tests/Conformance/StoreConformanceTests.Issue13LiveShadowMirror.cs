using Designer.Persistence.Tests.Infrastructure;

namespace Designer.Persistence.Tests.Conformance;

/// <summary>Issue 13: the live-shadow mirror queue is a table — leased, at least once, bounded by dropping the oldest.</summary>
public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task MirrorQueue_Issue13_OneRowPerRunLeasedToOneWorkerRetriedAfterLeaseRemovedOnComplete()
    {
        // Arrange: a fresh database (the queue is global); v2 in shadow.
        var storage = await IsolatedAsync();
        var rollouts = new RolloutStore(storage.Contexts, TimeProvider.System);
        var rollout = await StartShadowAsync(storage, rollouts, "Issue13 mirror lease");
        var runId = Guid.NewGuid();

        // Act
        var first = await rollouts.EnqueueMirrorAsync(rollout, runId, Ct);
        var repeat = await rollouts.EnqueueMirrorAsync(rollout, runId, Ct);
        var crashed = await rollouts.ClaimMirrorsAsync("worker-a", TimeSpan.Zero, 10, Ct); // lease already over: as if worker-a died
        var resumed = await rollouts.ClaimMirrorsAsync("worker-b", TimeSpan.FromMinutes(5), 10, Ct);
        var whileLeased = await rollouts.ClaimMirrorsAsync("worker-c", TimeSpan.FromMinutes(5), 10, Ct);
        var staleComplete = await rollouts.CompleteMirrorAsync(resumed[0].Id, "worker-a", Ct);
        var completed = await rollouts.CompleteMirrorAsync(resumed[0].Id, "worker-b", Ct);

        // Assert
        Assert.True(first);
        Assert.False(repeat);
        var claim = Assert.Single(crashed);
        Assert.Equal((rollout.Id, rollout.WorkflowId, 2, runId, 1), (claim.RolloutId, claim.WorkflowId, claim.CandidateVersion, claim.RunId, claim.Attempts));
        Assert.Equal(claim.Id, Assert.Single(resumed).Id);
        Assert.Equal(2, resumed[0].Attempts);
        Assert.Empty(whileLeased);
        Assert.False(staleComplete);
        Assert.True(completed);
        Assert.Equal(0, await rollouts.CountMirrorsAsync(Ct));
    }

    [Fact]
    public async Task TrimMirrors_Issue13_OverCapacityDropsTheOldestOnly()
    {
        // Arrange: five mirrors one second apart.
        var storage = await IsolatedAsync();
        var rollouts = new RolloutStore(storage.Contexts, new SteppingTime());
        var rollout = await StartShadowAsync(storage, rollouts, "Issue13 mirror trim");
        var runs = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        foreach (var run in runs)
        {
            await rollouts.EnqueueMirrorAsync(rollout, run, Ct);
        }

        // Act
        var dropped = await rollouts.TrimMirrorsAsync(3, Ct);
        var underCapacity = await rollouts.TrimMirrorsAsync(3, Ct);
        var left = await rollouts.ClaimMirrorsAsync("worker", TimeSpan.FromMinutes(1), 10, Ct);

        // Assert: the two oldest are gone; the rest come out oldest first.
        Assert.Equal(2, dropped);
        Assert.Equal(0, underCapacity);
        Assert.Equal(runs[2..], left.Select(m => m.RunId));
    }

    private static async Task<RolloutRecord> StartShadowAsync(TestStorage storage, RolloutStore rollouts, string name)
    {
        var created = await CreateAsync(storage, name);
        await PublishAsync(storage, created);
        await PublishAsync(storage, created);
        var started = await rollouts.StartAsync(
            new NewRollout(created.Workflow.Id, 2, RolloutModes.Shadow, 50, "PT1H", TimeSpan.FromHours(1), 5, new RolloutGuards(null, null, null, null)), Alice, Ct);
        Assert.True(started.IsSuccess, started.Error?.Detail);
        return started.Value!;
    }

    /// <summary>Each reading is a second after the last, so queue order is by time, not by the ids' random bits.</summary>
    private sealed class SteppingTime : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => _now = _now.AddSeconds(1);
    }
}
