using Designer.Inference.Registry;
using Designer.Inference.Serving;

namespace Designer.InferenceHost.Tests;

/// <summary>
/// A real <see cref="DynamicBatcher"/> (queue capacity 1, one row per batch, short timeout) over an executor that
/// blocks until released: makes back-pressure and timeouts deterministic.
/// </summary>
public sealed class BlockingInferenceClient : IInferenceClient, IAsyncDisposable
{
    public BlockingInferenceClient(TimeSpan timeout)
    {
        Batcher = new DynamicBatcher(new ModelKey("dispute-risk", 1), Executor,
            new BatchingOptions(MaxBatchSize: 1, MaxWait: TimeSpan.Zero, QueueCapacity: 1, RequestTimeout: timeout), TimeProvider.System);
    }

    public BlockingExecutor Executor { get; } = new();

    public DynamicBatcher Batcher { get; }

    public async Task<PredictionResult> PredictAsync(string model, int? version, IReadOnlyList<float[]> rows, CancellationToken cancellationToken)
    {
        var outputs = await Batcher.InferAsync(rows, cancellationToken);
        return new PredictionResult(model, version ?? 1, "test", TimeSpan.Zero, outputs.Select(o => new RowPrediction(o, null, null)).ToList());
    }

    public Task<IReadOnlyList<ModelDescriptor>> ListModelsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ModelDescriptor>>([]);

    public Task<IReadOnlyList<ServedModel>> ListServedModelsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ServedModel>>([]);

    /// <summary>Waits (bounded) until the executor is busy and one request waits in the full queue.</summary>
    public async Task WaitUntilSaturatedAsync()
    {
        Assert.True(Executor.Entered.Wait(TimeSpan.FromSeconds(10)), "The executor never started.");
        for (var i = 0; i < 1000 && Batcher.QueueDepth < 1; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(1, Batcher.QueueDepth);
    }

    public async ValueTask DisposeAsync()
    {
        Executor.Release.Set();
        await Batcher.DisposeAsync();
        Executor.Dispose();
    }

    public sealed class BlockingExecutor : IBatchExecutor, IDisposable
    {
        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public int InputWidth => 10;

        public BatchOutput Execute(float[] input, int rows)
        {
            Entered.Set();
            Release.Wait();
            return new BatchOutput(new float[rows * 2], 2);
        }

        public void Dispose()
        {
            Entered.Dispose();
            Release.Dispose();
        }
    }
}
