using System.Threading.Channels;

namespace Designer.Inference.Serving;

/// <summary>
/// Dynamic micro-batching for one model version. Callers enqueue rows into a bounded channel; a single consumer
/// takes the first waiting request, gathers more until <see cref="BatchingOptions.MaxBatchSize"/> rows or
/// <see cref="BatchingOptions.MaxWait"/> has passed, runs them as one batch, and scatters each caller's rows back.
/// </summary>
/// <remarks>
/// A full queue throws <see cref="InferenceQueueFullException"/> at once (back-pressure, never a hang). Each request
/// has a timeout (<see cref="TimeoutException"/>) and honours its caller's token
/// (<see cref="OperationCanceledException"/>); requests already answered that way are dropped from the batch before
/// it runs. One consumer per model is enough: ONNX Runtime parallelises a batch over its intra-op threads.
/// <para>The wait is adaptive: a batch stops waiting as soon as it is as large as the previous batch, because
/// that is roughly how many callers are active. A lone caller is therefore never delayed by
/// <see cref="BatchingOptions.MaxWait"/>, while many callers still fill batches; when traffic drops, one batch waits
/// the full window and the target shrinks with it.</para>
/// </remarks>
public sealed class DynamicBatcher : IAsyncDisposable
{
    private readonly IBatchExecutor _executor;
    private readonly BatchingOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly InferenceMetrics? _metrics;
    private readonly Channel<PendingRequest> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _consumer;

    // Consumer-only state: rows in the last executed batch, the adaptive wait target.
    private int _lastBatchRows = 1;

    /// <summary>Creates the batcher and starts its consumer.</summary>
    /// <param name="key">The model version served (for metrics and messages).</param>
    /// <param name="executor">Runs batches.</param>
    /// <param name="timeProvider">Clock for waits and timeouts.</param>
    /// <param name="metrics">Metrics sink, optional.</param>
    public DynamicBatcher(ModelKey key, IBatchExecutor executor, BatchingOptions options, TimeProvider timeProvider, InferenceMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.QueueCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxWait, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RequestTimeout, TimeSpan.Zero);
        Key = key;
        _executor = executor ?? throw new ArgumentNullException(nameof(executor));
        _options = options;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _metrics = metrics;
        _queue = Channel.CreateBounded<PendingRequest>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _metrics?.Track(this, key);
        _consumer = Task.Run(ConsumeAsync);
    }

    /// <summary>The model version this batcher serves.</summary>
    public ModelKey Key { get; }

    /// <summary>Requests waiting in the queue (not counting the batch being run).</summary>
    public int QueueDepth => _queue.Reader.Count;

    /// <summary>
    /// Queues <paramref name="rows"/> and returns the model's output row for each, in order. A request's rows always
    /// stay in one batch; a request larger than <see cref="BatchingOptions.MaxBatchSize"/> runs as a batch of its own.
    /// </summary>
    /// <param name="rows">Input rows, each <see cref="IBatchExecutor.InputWidth"/> wide.</param>
    /// <param name="cancellationToken">Cancels this request only.</param>
    /// <exception cref="InferenceQueueFullException">The queue is at capacity.</exception>
    /// <exception cref="TimeoutException">No result within <see cref="BatchingOptions.RequestTimeout"/>.</exception>
    public Task<float[][]> InferAsync(IReadOnlyList<float[]> rows, CancellationToken cancellationToken) =>
        InferAsync(rows, _options.RequestTimeout, cancellationToken);

    /// <summary>As <see cref="InferAsync(IReadOnlyList{float[]}, CancellationToken)"/> with a request timeout of the caller's.</summary>
    /// <param name="rows">Input rows, each <see cref="IBatchExecutor.InputWidth"/> wide.</param>
    /// <param name="requestTimeout">How long this request may take from enqueue to result (background work such as
    /// embedding a corpus with a transformer on a busy CPU needs longer than an interactive prediction).</param>
    /// <param name="cancellationToken">Cancels this request only.</param>
    /// <returns>The output rows.</returns>
    public async Task<float[][]> InferAsync(IReadOnlyList<float[]> rows, TimeSpan requestTimeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(requestTimeout, TimeSpan.Zero);
        ValidateRows(rows);
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);

        var started = _timeProvider.GetTimestamp();
        var request = new PendingRequest(rows);
        using var timeout = new CancellationTokenSource(requestTimeout, _timeProvider);
        using var onTimeout = timeout.Token.Register(() => request.TrySetException(
            new TimeoutException($"Inference on {Key} did not complete within {requestTimeout.TotalMilliseconds:0} ms.")));
        using var onCancel = cancellationToken.Register(() => request.TrySetCanceled(cancellationToken));

        if (!_queue.Writer.TryWrite(request))
        {
            // A completed channel also refuses writes: that is shutdown, not back-pressure.
            ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
            _metrics?.RecordRejected(Key);
            throw new InferenceQueueFullException($"The inference queue of {Key} is full ({_options.QueueCapacity} requests); retry later.")
            {
                Model = Key.Id,
                Capacity = _options.QueueCapacity,
            };
        }

        var outcome = "ok";
        try
        {
            return await request.Task;
        }
        catch (TimeoutException)
        {
            outcome = "timeout";
            throw;
        }
        catch (OperationCanceledException)
        {
            outcome = "cancelled";
            throw;
        }
        catch
        {
            outcome = "error";
            throw;
        }
        finally
        {
            _metrics?.RecordRequest(Key, _timeProvider.GetElapsedTime(started), outcome);
        }
    }

    /// <summary>Stops the consumer; requests still queued fail with <see cref="ObjectDisposedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _metrics?.Untrack(this);
        // Cancel before completing the channel, so a gathering consumer sees "stopped" rather than "drained".
        await _stopping.CancelAsync();
        _queue.Writer.TryComplete();
        await _consumer;
        while (_queue.Reader.TryRead(out var orphan))
        {
            orphan.TrySetException(new ObjectDisposedException(nameof(DynamicBatcher)));
        }

        _stopping.Dispose();
    }

    private void ValidateRows(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("At least one row is required.", nameof(rows));
        }

        foreach (var row in rows)
        {
            if (row is null || row.Length != _executor.InputWidth)
            {
                throw new ArgumentException($"Every row of {Key} must have {_executor.InputWidth} values.", nameof(rows));
            }
        }
    }

    private async Task ConsumeAsync()
    {
        var batch = new List<PendingRequest>(_options.MaxBatchSize);
        PendingRequest? carried = null;
        var stop = _stopping.Token;
        try
        {
            while (carried is not null || await _queue.Reader.WaitToReadAsync(stop))
            {
                batch.Clear();
                carried = await GatherAsync(batch, carried, stop);
                Run(batch);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed while gathering: whatever was taken from the queue must not wait for its timeout.
            foreach (var request in carried is null ? batch : [.. batch, carried])
            {
                request.TrySetException(new ObjectDisposedException(nameof(DynamicBatcher)));
            }
        }
    }

    /// <summary>Fills <paramref name="batch"/>; returns a request that did not fit, to start the next batch.</summary>
    private async Task<PendingRequest?> GatherAsync(List<PendingRequest> batch, PendingRequest? carried, CancellationToken stop)
    {
        var rows = 0;
        var windowStart = 0L;
        while (rows < _options.MaxBatchSize)
        {
            PendingRequest? next = carried;
            carried = null;
            if (next is null && !_queue.Reader.TryRead(out next))
            {
                var target = Math.Min(_options.MaxBatchSize, _lastBatchRows);
                if (batch.Count == 0 || rows >= target || !await WaitForMoreAsync(windowStart, stop))
                {
                    break;
                }

                continue;
            }

            if (next.IsCompleted)
            {
                continue;
            }

            if (batch.Count > 0 && rows + next.Rows.Count > _options.MaxBatchSize)
            {
                return next;
            }

            if (batch.Count == 0)
            {
                windowStart = _timeProvider.GetTimestamp();
            }

            batch.Add(next);
            rows += next.Rows.Count;
        }

        return null;
    }

    /// <summary>Waits until more requests arrive or the batch's wait window (from <paramref name="since"/>) closes.</summary>
    private async Task<bool> WaitForMoreAsync(long since, CancellationToken stop)
    {
        var remaining = _options.MaxWait - _timeProvider.GetElapsedTime(since);
        if (remaining <= TimeSpan.Zero)
        {
            return false;
        }

        using var window = new CancellationTokenSource(remaining, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(window.Token, stop);
        try
        {
            return await _queue.Reader.WaitToReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Run(List<PendingRequest> batch)
    {
        // A request may have timed out or been cancelled while the batch was gathering: drop it now.
        batch.RemoveAll(r => r.IsCompleted);
        if (batch.Count == 0)
        {
            return;
        }

        var width = _executor.InputWidth;
        var rowCount = batch.Sum(r => r.Rows.Count);
        var input = new float[rowCount * width];
        var offset = 0;
        foreach (var row in batch.SelectMany(r => r.Rows))
        {
            row.CopyTo(input, offset);
            offset += width;
        }

        _lastBatchRows = rowCount;
        _metrics?.RecordBatch(Key, rowCount);
        BatchOutput output;
        try
        {
            output = _executor.Execute(input, rowCount);
            if (output.Values.Length != rowCount * output.Width)
            {
                throw new InvalidOperationException($"{Key} returned {output.Values.Length} values for {rowCount} rows of width {output.Width}.");
            }
        }
        catch (Exception ex)
        {
            // One failing batch must fail its callers, not the consumer loop.
            foreach (var request in batch)
            {
                request.TrySetException(ex);
            }

            return;
        }

        var outputRow = 0;
        foreach (var request in batch)
        {
            var result = new float[request.Rows.Count][];
            for (var i = 0; i < result.Length; i++, outputRow++)
            {
                result[i] = output.Values.AsSpan(outputRow * output.Width, output.Width).ToArray();
            }

            request.TrySetResult(result);
        }
    }
}
