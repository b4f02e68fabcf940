using Designer.Persistence;
using Designer.Runtime.Tracing;
using Microsoft.Extensions.Time.Testing;

namespace Designer.Runtime.Tests.Tracing;

/// <summary>The in-process push of committed trace rows.</summary>
public sealed class TraceNotifierTests
{
    [Fact]
    public void Publish_RunAndAllSubscribers_EachGetTheRowStampedOnce()
    {
        // Arrange
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        var notifier = new TraceNotifier(time);
        var run = Guid.NewGuid();
        using var forRun = notifier.Subscribe(run);
        using var forOther = notifier.Subscribe(Guid.NewGuid());
        using var all = notifier.Subscribe(null);
        var row = new TraceEventRecord(run, 1, TraceEventKinds.NodeInvoked, "start", "{}", time.GetUtcNow());

        // Act
        notifier.Publish(row);

        // Assert
        Assert.True(forRun.Reader.TryRead(out var pushed));
        Assert.Same(row, pushed.Event);
        Assert.Equal(time.GetUtcNow(), pushed.CommittedAt);
        Assert.True(all.Reader.TryRead(out _));
        Assert.False(forOther.Reader.TryRead(out _));
    }

    [Fact]
    public void Publish_AfterDispose_NothingQueuedAndReaderCompletes()
    {
        // Arrange
        var notifier = new TraceNotifier(TimeProvider.System);
        var run = Guid.NewGuid();
        var subscription = notifier.Subscribe(run);

        // Act
        subscription.Dispose();
        notifier.Publish(new TraceEventRecord(run, 1, TraceEventKinds.NodeInvoked, "start", "{}", DateTimeOffset.UtcNow));

        // Assert
        Assert.False(subscription.Reader.TryRead(out _));
        Assert.True(subscription.Reader.Completion.IsCompleted);
    }

    [Fact]
    public void Publish_SlowReader_KeepsTheNewestRowsSoTheGapShows()
    {
        // Arrange
        var notifier = new TraceNotifier(TimeProvider.System);
        var run = Guid.NewGuid();
        using var subscription = notifier.Subscribe(run);

        // Act
        for (var i = 1; i <= TraceSubscription.Capacity + 10; i++)
        {
            notifier.Publish(new TraceEventRecord(run, i, TraceEventKinds.NodeInvoked, "n", "{}", DateTimeOffset.UtcNow));
        }

        // Assert
        Assert.True(subscription.Reader.TryRead(out var first));
        Assert.Equal(11, first.Event.Sequence);
    }
}
