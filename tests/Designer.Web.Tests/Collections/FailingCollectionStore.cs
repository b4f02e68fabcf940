using System.Reflection;
using Designer.Persistence;

namespace Designer.Web.Tests.Collections;

/// <summary>
/// A collection store whose database is away for everything but the job poll: the poll hands out one job once, then
/// none; every other call throws. Not sealed: <see cref="DispatchProxy"/> derives the proxy type from it.
/// </summary>
public class FailingCollectionStore : DispatchProxy
{
    private CollectionJobRecord? _job;
    private int _polls;

    /// <summary>How many times the worker asked for the next job.</summary>
    public int Polls => Volatile.Read(ref _polls);

    /// <summary>Creates the store and hands out <paramref name="job"/> on the first poll.</summary>
    /// <param name="job">The job to hand out.</param>
    /// <returns>The store and its proxy view.</returns>
    public static (ICollectionStore Store, FailingCollectionStore State) Create(CollectionJobRecord job)
    {
        var store = Create<ICollectionStore, FailingCollectionStore>();
        var state = (FailingCollectionStore)(object)store;
        state._job = job;
        return (store, state);
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(ICollectionStore.NextUnfinishedJobAsync))
        {
            Interlocked.Increment(ref _polls);
            return Task.FromResult(Interlocked.Exchange(ref _job, null));
        }

        throw new InvalidOperationException($"The database is away ({targetMethod.Name}).");
    }
}
