using Designer.Persistence;
using Designer.Runtime.Tracing;
using Designer.Web.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.RunsUi;

/// <summary>The live feed behind the SSE stream and the run page, over the real app.</summary>
public sealed class RunFeedTests : RunsUiContext
{
    [Fact]
    public async Task ReadAsync_PollingEffectivelyOff_PushedRowsStillArriveInOrderThenCatchUpEnds()
    {
        // Arrange: a run parked at its gate; a feed that would poll only once an hour.
        var runId = await StartGateRunAsync(6000);
        await WaitForRunAsync(runId, RunStatus.WaitingForHuman);
        var store = AppServices.GetRequiredService<IRunStore>();
        var notifier = AppServices.GetRequiredService<ITraceNotifier>();
        var parked = (await store.ListTraceAsync(runId, 0, 1000, CancellationToken.None)).Count;
        using var timeout = new CancellationTokenSource(WaitLimit);
        var items = new List<RunFeedItem>();

        // Act
        await using var feed = RunFeed.ReadAsync(runId, 0, store, notifier, TimeSpan.FromHours(1), TimeProvider.System, timeout.Token).GetAsyncEnumerator(timeout.Token);
        while (items.Count < parked && await feed.MoveNextAsync())
        {
            items.Add(feed.Current);
        }

        await DecideThroughApiAsync((await PendingTaskAsync(runId)).Id, "approve");
        while (items[^1].Row?.Kind != TraceEventKinds.Output && await feed.MoveNextAsync())
        {
            items.Add(feed.Current);
        }

        // Assert: the catch-up came from the table, everything after the decision was pushed, in sequence order.
        Assert.All(items.Take(parked), i => Assert.Null(i.CommittedAt));
        Assert.All(items.Skip(parked), i => Assert.NotNull(i.CommittedAt));
        Assert.Equal(Enumerable.Range(1, items.Count).Select(i => (long)i), items.Select(i => i.Row!.Sequence));
        Assert.Contains(items.Skip(parked), i => i.Row!.Kind == TraceEventKinds.Decision);
    }
}
