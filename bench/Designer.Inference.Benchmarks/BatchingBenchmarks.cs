using BenchmarkDotNet.Attributes;
using Designer.Inference.Serving;

namespace Designer.Inference.Benchmarks;

/// <summary>
/// Throughput of dynamic batching against one-by-one session runs, same run, same session, at 1/8/32/128
/// concurrent callers. Each invocation serves <see cref="Requests"/> single-row requests, so the reported mean is
/// time per request (lower is better) and the ratio column is the speed-up against one-by-one.
/// </summary>
[MemoryDiagnoser]
#pragma warning disable CA1001 // BenchmarkDotNet owns the lifetime: [GlobalCleanup] disposes the batcher.
public class BatchingBenchmarks
#pragma warning restore CA1001
{
    private const int Requests = 512;

    private IBatchExecutor _runner = null!;
    private DynamicBatcher _batcher = null!;
    private float[][] _rows = null!;

    /// <summary>Concurrent callers.</summary>
    [Params(1, 8, 32, 128)]
    public int Callers { get; set; }

    /// <summary>Which model.</summary>
    [Params(BenchModels.Risk, BenchModels.Embedding)]
    public string Model { get; set; } = BenchModels.Risk;

    [GlobalSetup]
    public void Setup()
    {
        (_runner, _rows) = BenchModels.Create(Model);
        _batcher = new DynamicBatcher(
            new ModelKey(Model, 1), _runner, new BatchingOptions(32, TimeSpan.FromMilliseconds(2), 4096, TimeSpan.FromSeconds(30)), TimeProvider.System);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _batcher.DisposeAsync();
        (_runner as IDisposable)?.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests)]
    public Task OneByOne() => RunCallersAsync(row =>
    {
        _runner.Execute(row, 1);
        return Task.CompletedTask;
    });

    [Benchmark(OperationsPerInvoke = Requests)]
    public Task Batched() => RunCallersAsync(row => _batcher.InferAsync([row], CancellationToken.None));

    private Task RunCallersAsync(Func<float[], Task> call)
    {
        var perCaller = Requests / Callers;
        return Task.WhenAll(Enumerable.Range(0, Callers).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < perCaller; i++)
            {
                await call(_rows[((c * perCaller) + i) % _rows.Length]);
            }
        })));
    }
}
