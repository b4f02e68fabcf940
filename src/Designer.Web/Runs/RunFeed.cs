using System.Runtime.CompilerServices;
using Designer.Runtime.Tracing;

namespace Designer.Web.Runs;

/// <summary>
/// A run's trace as it happens, for the SSE stream and the run page: every row exactly once and in order, then the
/// ended run. Rows of runs hosted in this process arrive by <see cref="ITraceNotifier"/> push within a millisecond
/// of their commit; the database is read at the start, whenever a pushed row leaves a gap, and every poll interval
/// (the fallback that makes runs hosted by another silo stream too, and that notices the run's end).
/// </summary>
public static class RunFeed
{
    private const int BatchSize = 500;

    /// <summary>Streams the run's rows after <paramref name="afterSequence"/> until it ends or the token fires.</summary>
    /// <param name="afterSequence">Rows up to this sequence were already seen.</param>
    /// <param name="notifier">The live push.</param>
    /// <param name="pollInterval">The fallback poll interval.</param>
    /// <param name="time">Time for the poll timer.</param>
    /// <param name="cancellationToken">Stops the feed.</param>
    public static async IAsyncEnumerable<RunFeedItem> ReadAsync(
        Guid runId, long afterSequence, IRunStore store, ITraceNotifier notifier, TimeSpan pollInterval, TimeProvider time,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(notifier);
        // Subscribe before the first read, so no row committed in between is missed.
        using var subscription = notifier.Subscribe(runId);
        var after = afterSequence;
        while (!cancellationToken.IsCancellationRequested)
        {
            // Read the status before the rows: rows written before the run ended are then all seen.
            var run = await store.GetRunAsync(runId, cancellationToken);
            var rows = await store.ListTraceAsync(runId, after, BatchSize, cancellationToken);
            foreach (var row in rows)
            {
                after = row.Sequence;
                yield return new RunFeedItem(row, null, null);
            }

            if (rows.Count == BatchSize)
            {
                continue;
            }

            if (run is null || run.IsTerminal)
            {
                yield return new RunFeedItem(null, null, run);
                yield break;
            }

            using var timer = new CancellationTokenSource(pollInterval, time);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
            while (await WaitAsync(subscription, wait.Token))
            {
                var gap = false;
                while (!gap && subscription.Reader.TryRead(out var pushed))
                {
                    if (pushed.Event.Sequence <= after)
                    {
                        continue;
                    }

                    gap = pushed.Event.Sequence != after + 1;
                    if (!gap)
                    {
                        after = pushed.Event.Sequence;
                        yield return new RunFeedItem(pushed.Event, pushed.CommittedAt, null);
                    }
                }

                if (gap)
                {
                    break;
                }
            }
        }
    }

    private static async Task<bool> WaitAsync(TraceSubscription subscription, CancellationToken cancellationToken)
    {
        try
        {
            return await subscription.Reader.WaitToReadAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The poll interval passed (or the feed was stopped: the outer loop checks).
            return false;
        }
    }
}
