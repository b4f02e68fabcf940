using System.Collections.Concurrent;
using Designer.Runtime.Hosting;
using Designer.Runtime.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Designer.Runtime.Runs;

/// <summary>
/// Executes run work in the background, outside any HTTP request: at most
/// <see cref="RuntimeOptions.MaxConcurrentRuns"/> at once, one piece of work per run at a time, cancellable per run.
/// On stop it cancels what runs and waits up to <see cref="RuntimeOptions.DrainTimeout"/>; what did not finish stays
/// Running and is resumed by <see cref="Recovery.RunRecoveryService"/>.
/// </summary>
public sealed partial class RunExecutionHost : IHostedService, IDisposable
{
    private readonly ILogger<RunExecutionHost> _logger;
    private readonly RuntimeOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Guid, Execution> _executions = new();
    private int _disposed;

    /// <summary>Creates the host.</summary>
    public RunExecutionHost(IOptions<RuntimeOptions> options, ILogger<RunExecutionHost> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _options = options.Value;
        _slots = new SemaphoreSlim(_options.MaxConcurrentRuns, _options.MaxConcurrentRuns);
    }

    /// <summary>Runs with queued or executing work on this host (runs waiting for a person have none).</summary>
    public int Backlog => _executions.Count;

    /// <summary>Whether the backlog has reached <see cref="RuntimeOptions.MaxQueuedRuns"/>: new runs should be refused, not queued.</summary>
    public bool IsSaturated => _executions.Count >= _options.MaxQueuedRuns;

    /// <summary>Queues work for a run; work of one run executes in order, one piece at a time.</summary>
    /// <param name="work">The work; its token fires on cancel or host stop.</param>
    public void Enqueue(Guid runId, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_executions)
        {
            var slot = _executions.GetOrAdd(runId, _ => new Execution(CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token)));
            slot.Pending++;
            var previous = slot.Tail;
            slot.Tail = Task.Run(async () =>
            {
                await previous.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                await ExecuteAsync(runId, slot, work);
            });
        }
    }

    /// <summary>Cancels the run's queued or executing work, if any.</summary>
    public void Cancel(Guid runId)
    {
        if (_executions.TryGetValue(runId, out var execution))
        {
            execution.Cancel();
        }
    }

    /// <summary>Completes when the run's work queued so far has finished (for tests and orderly shutdown).</summary>
    public Task WhenIdleAsync(Guid runId) =>
        _executions.TryGetValue(runId, out var execution) ? execution.Tail : Task.CompletedTask;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        var running = _executions.Values.Select(e => e.Tail).ToArray();
        try
        {
            await Task.WhenAll(running).WaitAsync(_options.DrainTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            LogDrainTimedOut(running.Count(t => !t.IsCompleted));
        }
        catch (OperationCanceledException)
        {
            // The host gave up waiting; the runs stay Running and are resumed on the next start.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stopping.Cancel();
        _stopping.Dispose();
        _slots.Dispose();
    }

    private async Task ExecuteAsync(Guid runId, Execution execution, Func<CancellationToken, Task> work)
    {
        var token = execution.Cancellation.Token;
        var acquired = false;
        try
        {
            await _slots.WaitAsync(token);
            acquired = true;
            // The scope puts the run id on every log line written while this run's work executes, whichever
            // module writes it; the span parents the node spans.
            using var logScope = _logger.BeginScope(new Dictionary<string, object> { [RuntimeTelemetry.RunIdTag] = runId });
            using var activity = RuntimeTelemetry.Source.StartActivity("run work");
            activity?.SetTag(RuntimeTelemetry.RunIdTag, runId.ToString());
            await work(token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Cancelled by an operator (the run is already Cancelled) or by host stop (it stays Running).
        }
        catch (Exception ex)
        {
            LogWorkFailed(ex, runId);
        }
        finally
        {
            if (acquired)
            {
                _slots.Release();
            }

            lock (_executions)
            {
                if (--execution.Pending == 0)
                {
                    _executions.TryRemove(KeyValuePair.Create(runId, execution));
                    execution.Cancellation.Dispose();
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} run(s) did not stop within the drain timeout; they are resumed on the next start.")]
    private partial void LogDrainTimedOut(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Background work of run {RunId} failed.")]
    private partial void LogWorkFailed(Exception exception, Guid runId);

    private sealed class Execution(CancellationTokenSource cancellation)
    {
        private int _cancelled;

        public CancellationTokenSource Cancellation { get; } = cancellation;

        public Task Tail { get; set; } = Task.CompletedTask;

        public int Pending { get; set; }

        public void Cancel()
        {
            if (Interlocked.Exchange(ref _cancelled, 1) == 0)
            {
                try
                {
                    Cancellation.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // Finished meanwhile.
                }
            }
        }
    }
}
