using System.Collections.Concurrent;

namespace Designer.Web.Evaluations;

/// <summary>Wakes the evaluation worker when a job is queued and stops the case loop of a cancelled one at once.</summary>
internal sealed class EvaluationSignal : WakeSignal
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();

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
