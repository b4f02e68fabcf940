using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Designer.Web.Tests.Infrastructure;

/// <summary>
/// Records the SQL that EF Core sends inside <see cref="RecordAsync"/>, in this async flow only (background
/// work of the app, e.g. the runtime, runs in other flows and is not recorded): lets a test assert the shape of the
/// queries behind a read (aggregated or limited) without seeding more rows than a production cap.
/// </summary>
public sealed class QueryRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<QueryRecorder?> Current = new();

    private readonly ConcurrentQueue<string> _commands = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Lock _gate = new();

    private QueryRecorder()
    {
    }

    /// <summary>
    /// EF Core remembers "nobody listens" per (pooled) context for <c>LoggingCacheTime</c>, 1 s by default; a
    /// listener that subscribes later is seen once that has passed.
    /// </summary>
    private static readonly TimeSpan LoggingCacheTime = TimeSpan.FromSeconds(1);

    /// <summary>Starts recording the SQL this async flow sends until the recorder is disposed.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The recorder, once EF Core reports commands to it.</returns>
    public static async Task<QueryRecorder> StartAsync(CancellationToken cancellationToken)
    {
        var recorder = new QueryRecorder();
        lock (recorder._gate)
        {
            recorder._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(recorder));
        }

        // Not a wait for a result: EF's cache of the listener state expires after a fixed time.
        await Task.Delay(LoggingCacheTime * 2, cancellationToken);
        return recorder;
    }

    /// <summary>Records the commands <paramref name="action"/> sends (its async flow only).</summary>
    /// <param name="action">The read under test.</param>
    /// <returns>The command texts, in order.</returns>
    public async Task<IReadOnlyList<string>> RecordAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await Recorded(action);
        return [.. _commands];
    }

    private async Task Recorded(Func<Task> action)
    {
        // Set inside this async method: the value flows into the action and is gone when it returns.
        Current.Value = this;
        await action();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }

            _subscriptions.Clear();
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_gate)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data && ReferenceEquals(Current.Value, this))
        {
            _commands.Enqueue(data.Command.CommandText);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}
