using System.Text.Json.Nodes;
using System.Threading.Channels;
using Designer.Persistence;

namespace Designer.Runtime.Rollouts;

/// <summary>
/// Live inputs waiting to be mirrored to a shadow rollout's candidate. Bounded and never blocking: the live run's
/// start only writes here, and when the shadow side falls behind the newest mirror is dropped (counted), so the
/// live latency never depends on the candidate.
/// </summary>
public sealed class LiveShadowQueue
{
    /// <summary>Most mirrored inputs waiting at once.</summary>
    public const int Capacity = 1_000;

    private readonly Channel<LiveShadowItem> _channel = Channel.CreateBounded<LiveShadowItem>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private long _dropped;

    /// <summary>Mirrors dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues a mirror of a live run's input.</summary>
    /// <param name="rollout">The shadow rollout.</param>
    /// <param name="runId">The live run.</param>
    /// <param name="input">Its input (copied).</param>
    public void Enqueue(RolloutRecord rollout, Guid runId, JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(input);
        if (!_channel.Writer.TryWrite(new LiveShadowItem(rollout, runId, (JsonObject)input.DeepClone())))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>The queued mirrors, for the one worker.</summary>
    public ChannelReader<LiveShadowItem> Reader => _channel.Reader;
}
