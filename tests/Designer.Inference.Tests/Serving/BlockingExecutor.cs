using System.Collections.Concurrent;
using Designer.Inference.Serving;

namespace Designer.Inference.Tests.Serving;

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
