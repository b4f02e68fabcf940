using System.Collections.Concurrent;
using Designer.Inference.Serving;

namespace Designer.Inference.Tests.Serving;

/// <summary>output = 2·input + 1 per value, so every caller can recognise its own row; records every batch it ran.</summary>
internal sealed class RecordingExecutor(int width = 3) : IBatchExecutor
{
    public ConcurrentQueue<float[][]> Batches { get; } = new();

    public int InputWidth => width;

    public BatchOutput Execute(float[] input, int rows)
    {
        Batches.Enqueue(Enumerable.Range(0, rows).Select(r => input.AsSpan(r * width, width).ToArray()).ToArray());
        return new BatchOutput(input.Select(v => (2 * v) + 1).ToArray(), width);
    }
}

/// <summary>Blocks inside Execute until released, to hold the consumer busy; then behaves like <see cref="RecordingExecutor"/>.</summary>
internal sealed class BlockingExecutor : IBatchExecutor, IDisposable
{
    private readonly RecordingExecutor _inner = new();
    private readonly ManualResetEventSlim _release = new(false);
    private readonly SemaphoreSlim _entered = new(0);

    public int InputWidth => _inner.InputWidth;

    public ConcurrentQueue<float[][]> Batches => _inner.Batches;

    public BatchOutput Execute(float[] input, int rows)
    {
        _entered.Release();
        _release.Wait(TimeSpan.FromSeconds(30));
        return _inner.Execute(input, rows);
    }

    /// <summary>Waits until the consumer is inside Execute.</summary>
    public Task WaitUntilRunningAsync() => _entered.WaitAsync(TimeSpan.FromSeconds(10));

    public void Release() => _release.Set();

    public void Dispose()
    {
        _release.Set();
        _release.Dispose();
        _entered.Dispose();
    }
}
