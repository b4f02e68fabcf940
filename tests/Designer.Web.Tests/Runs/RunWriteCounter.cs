using System.Collections.Concurrent;
using System.Diagnostics;
using Designer.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Designer.Web.Tests.Runs;

/// <summary>
/// Counts EF Core SaveChanges calls (each one write transaction) per run in this process, from EF's diagnostic events:
/// a save counts for every run whose rows it wrote (the run row, or rows with a <c>RunId</c>). Other tests' apps share
/// the process, so counts are read per run id only.
/// </summary>
internal sealed class RunWriteCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _all;
    private readonly ConcurrentBag<IDisposable> _subscriptions = [];
    private readonly ConcurrentDictionary<Guid, int> _saves = new();

    public RunWriteCounter() => _all = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>Write transactions that touched the run so far.</summary>
    public int SavesOf(Guid runId) => _saves.TryGetValue(runId, out var count) ? count : 0;

    public void Dispose()
    {
        _all.Dispose();
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            _subscriptions.Add(value.Subscribe(this));
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != CoreEventId.SaveChangesCompleted.Name || value.Value is not DbContextEventData { Context: { } context })
        {
            return;
        }

        var runs = new HashSet<Guid>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is RunEntity run)
            {
                runs.Add(run.Id);
            }
            else if (entry.Metadata.FindProperty("RunId") is not null && entry.Property("RunId").CurrentValue is Guid runId)
            {
                runs.Add(runId);
            }
        }

        foreach (var runId in runs)
        {
            _saves.AddOrUpdate(runId, 1, (_, count) => count + 1);
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
