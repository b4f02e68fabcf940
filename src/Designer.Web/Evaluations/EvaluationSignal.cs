using System.Collections.Concurrent;

namespace Designer.Web.Evaluations;

/// <summary>Wakes the evaluation worker when a job is queued and stops the case loop of a cancelled one at once.</summary>
internal sealed class EvaluationSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void SetRunning(Guid id, CancellationTokenSource source) => _running[id] = source;

    public void ClearRunning(Guid id) => _running.TryRemove(id, out _);

    public void Cancel(Guid id)
    {
        if (_running.TryGetValue(id, out var source))
        {
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Finished meanwhile.
            }
        }
    }
}
