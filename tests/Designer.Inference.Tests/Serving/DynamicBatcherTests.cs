using Designer.Inference.Onnx;
using Designer.Inference.Serving;

namespace Designer.Inference.Tests.Serving;

public sealed class DynamicBatcherTests
{
    private static readonly ModelKey Key = new("toy", 1);

    [Fact]
    public async Task InferAsync_200ConcurrentCallersOnRealModel_EachGetsItsOwnRow()
    {
        // Arrange: a linear ONNX model y = x·W + b with W = 2·I and b = 1, so y identifies x.
        var layer = new DenseLayer(3, 3, [2, 0, 0, 0, 2, 0, 0, 0, 2], [1, 1, 1]);
        using var runner = new OnnxModelRunner(OnnxModelFactory.Linear(layer), new ExecutionProviderSelector(false, 0));
        var recorder = new CountingExecutor(runner);
        await using var batcher = new DynamicBatcher(Key, recorder, Options(maxBatch: 32, waitMs: 2), TimeProvider.System);

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(
            () => batcher.InferAsync([[i, -i, i / 4f]], TestContext.Current.CancellationToken), TestContext.Current.CancellationToken)));

        // Assert
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal([(2f * i) + 1, (-2f * i) + 1, (i / 2f) + 1], Assert.Single(results[i]));
        }

        Assert.Equal(200, recorder.Rows);
        Assert.True(recorder.MaxBatch <= 32, $"max batch {recorder.MaxBatch}");
    }

    [Fact]
    public async Task InferAsync_MultiRowRequests_ScatterRowsInOrder()
    {
        // Arrange
        var executor = new RecordingExecutor();
        await using var batcher = new DynamicBatcher(Key, executor, Options(maxBatch: 8, waitMs: 5), TimeProvider.System);
        var ct = TestContext.Current.CancellationToken;

        // Act
        var a = batcher.InferAsync([[1, 1, 1], [2, 2, 2]], ct);
        var b = batcher.InferAsync([[3, 3, 3], [4, 4, 4], [5, 5, 5]], ct);

        // Assert
        Assert.Equal([[3f, 3, 3], [5f, 5, 5]], await a);
        Assert.Equal([[7f, 7, 7], [9f, 9, 9], [11f, 11, 11]], await b);
    }

    [Fact]
    public async Task InferAsync_MaxBatchSizeReached_FlushesWithoutWaitingForTimer()
    {
        // Arrange: the wait window is far longer than the request timeout, so only a size flush can answer in time.
        var executor = new RecordingExecutor();
        var options = new BatchingOptions(4, TimeSpan.FromMinutes(5), 64, TimeSpan.FromSeconds(30));
        await using var batcher = new DynamicBatcher(Key, executor, options, TimeProvider.System);
        var ct = TestContext.Current.CancellationToken;
        await batcher.InferAsync([[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]], ct); // a full batch sets the adaptive target to 4

        // Act
        var results = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => batcher.InferAsync([[i, i, i]], ct)));

        // Assert
        Assert.Equal(4, results.Length);
        Assert.Equal([4, 4], executor.Batches.Select(b => b.Length));
    }

    [Fact]
    public async Task InferAsync_FewerRowsThanTarget_FlushesAfterMaxWait()
    {
        // Arrange: a 10-row batch makes the batcher expect 10 rows; only 3 come, so only the wait window can flush them.
        var executor = new RecordingExecutor();
        var options = new BatchingOptions(1000, TimeSpan.FromMilliseconds(20), 64, TimeSpan.FromSeconds(20));
        await using var batcher = new DynamicBatcher(Key, executor, options, TimeProvider.System);
        var ct = TestContext.Current.CancellationToken;
        await batcher.InferAsync(Enumerable.Range(0, 10).Select(_ => new float[3]).ToArray(), ct);

        // Act
        var results = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => batcher.InferAsync([[i, i, i]], ct)));

        // Assert
        Assert.Equal(3, results.Length);
        Assert.Equal(13, executor.Batches.Sum(b => b.Length));
        Assert.All(executor.Batches.Skip(1), b => Assert.True(b.Length < 10));
    }

    [Fact]
    public async Task InferAsync_LoneCaller_IsNotDelayedByTheWaitWindow()
    {
        // Arrange: a one-hour window; a lone caller's previous batch had one row, so it must not wait for company.
        var executor = new RecordingExecutor();
        var options = new BatchingOptions(32, TimeSpan.FromHours(1), 64, TimeSpan.FromSeconds(20));
        await using var batcher = new DynamicBatcher(Key, executor, options, TimeProvider.System);
        var ct = TestContext.Current.CancellationToken;

        // Act
        for (var i = 0; i < 3; i++)
        {
            await batcher.InferAsync([[i, i, i]], ct);
        }

        // Assert
        Assert.Equal([1, 1, 1], executor.Batches.Select(b => b.Length));
    }

    [Fact]
    public async Task InferAsync_QueueFull_ThrowsQueueFullImmediately()
    {
        // Arrange: the consumer is blocked inside a batch, so the queue (capacity 2) cannot drain.
        using var executor = new BlockingExecutor();
        await using var batcher = new DynamicBatcher(Key, executor, new BatchingOptions(1, TimeSpan.Zero, 2, TimeSpan.FromSeconds(30)), TimeProvider.System);
        var ct = TestContext.Current.CancellationToken;
        var running = batcher.InferAsync([[0, 0, 0]], ct);
        await executor.WaitUntilRunningAsync();
        var queued = new[] { batcher.InferAsync([[1, 1, 1]], ct), batcher.InferAsync([[2, 2, 2]], ct) };

        // Act
        var error = await Assert.ThrowsAsync<InferenceQueueFullException>(() => batcher.InferAsync([[3, 3, 3]], ct));

        // Assert
        Assert.Equal(2, error.Capacity);
        Assert.Equal("toy", error.Model);
        Assert.Equal(2, batcher.QueueDepth);
        executor.Release();
        await Task.WhenAll([running, .. queued]);
    }

    [Fact]
    public async Task InferAsync_RequestTimeout_ThrowsTimeoutException()
    {
        // Arrange
        using var executor = new BlockingExecutor();
        await using var batcher = new DynamicBatcher(Key, executor, new BatchingOptions(1, TimeSpan.Zero, 8, TimeSpan.FromMilliseconds(50)), TimeProvider.System);

        // Act + Assert
        await Assert.ThrowsAsync<TimeoutException>(() => batcher.InferAsync([[1, 1, 1]], TestContext.Current.CancellationToken));
        executor.Release();
    }

    [Fact]
    public async Task InferAsync_CallerCancelsWhileQueued_ThrowsAndIsDroppedFromBatch()
    {
        // Arrange
        using var executor = new BlockingExecutor();
        await using var batcher = new DynamicBatcher(Key, executor, new BatchingOptions(8, TimeSpan.FromMilliseconds(5), 8, TimeSpan.FromSeconds(30)), TimeProvider.System);
        var ct = TestContext.Current.CancellationToken;
        var first = batcher.InferAsync([[1, 1, 1]], ct);
        await executor.WaitUntilRunningAsync();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var cancelled = batcher.InferAsync([[99, 99, 99]], cancel.Token);
        var survivor = batcher.InferAsync([[7, 7, 7]], ct);

        // Act
        await cancel.CancelAsync();
        executor.Release();

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal([[15f, 15, 15]], await survivor);
        Assert.Equal([[3f, 3, 3]], await first);
        Assert.DoesNotContain(executor.Batches.SelectMany(b => b), row => row[0] == 99);
    }

    [Fact]
    public async Task InferAsync_WrongRowWidth_ThrowsArgumentException()
    {
        // Arrange
        await using var batcher = new DynamicBatcher(Key, new RecordingExecutor(), Options(4, 1), TimeProvider.System);

        // Act + Assert
        await Assert.ThrowsAsync<ArgumentException>(() => batcher.InferAsync([[1, 2]], TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() => batcher.InferAsync([], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task InferAsync_ExecutorThrows_FailsCallersButKeepsServing()
    {
        // Arrange
        var executor = new ThrowOnceExecutor();
        await using var batcher = new DynamicBatcher(Key, executor, Options(1, 0), TimeProvider.System);
        var ct = TestContext.Current.CancellationToken;

        // Act
        await Assert.ThrowsAsync<InvalidOperationException>(() => batcher.InferAsync([[1, 1, 1]], ct));
        var second = await batcher.InferAsync([[2, 2, 2]], ct);

        // Assert
        Assert.Equal([[5f, 5, 5]], second);
    }

    [Fact]
    public async Task DisposeAsync_WithQueuedAndGatheringRequests_FailsThemPromptly()
    {
        // Arrange: a request gathering in a one-hour window (target primed to 8) and the consumer otherwise idle.
        var executor = new RecordingExecutor();
        var batcher = new DynamicBatcher(Key, executor, new BatchingOptions(8, TimeSpan.FromHours(1), 8, TimeSpan.FromMinutes(5)), TimeProvider.System);
        var ct = TestContext.Current.CancellationToken;
        await batcher.InferAsync(Enumerable.Range(0, 8).Select(_ => new float[3]).ToArray(), ct);
        var waiting = batcher.InferAsync([[1, 1, 1]], ct);

        // Act
        await batcher.DisposeAsync();

        // Assert
        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => batcher.InferAsync([[1, 1, 1]], ct));
    }

    private static BatchingOptions Options(int maxBatch, int waitMs) =>
        new(maxBatch, TimeSpan.FromMilliseconds(waitMs), 1024, TimeSpan.FromSeconds(30));

    private sealed class CountingExecutor(IBatchExecutor inner) : IBatchExecutor
    {
        public int Rows { get; private set; }

        public int MaxBatch { get; private set; }

        public int InputWidth => inner.InputWidth;

        public BatchOutput Execute(float[] input, int rows)
        {
            Rows += rows;
            MaxBatch = Math.Max(MaxBatch, rows);
            return inner.Execute(input, rows);
        }
    }

    private sealed class ThrowOnceExecutor : IBatchExecutor
    {
        private readonly RecordingExecutor _inner = new();
        private bool _thrown;

        public int InputWidth => 3;

        public BatchOutput Execute(float[] input, int rows)
        {
            if (!_thrown)
            {
                _thrown = true;
                throw new InvalidOperationException("boom");
            }

            return _inner.Execute(input, rows);
        }
    }
}
