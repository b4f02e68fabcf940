namespace Designer.Inference.Registry;

/// <summary>
/// The one-time import of a host's old per-host folder into a shared registry, for ONNX and chat models alike: it runs
/// once per process on first use (callers wait for it), and only versions the database lacks are imported.
/// </summary>
internal sealed class LegacyFolderImport : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile bool _done;

    /// <summary>
    /// Runs <paramref name="import"/> unless it has already run in this process; concurrent callers wait for the one
    /// that runs it. A failed import is tried again by the next caller.
    /// </summary>
    /// <param name="import">The registry's import.</param>
    /// <param name="cancellationToken">Cancels the wait and the import.</param>
    /// <returns>A task that completes once the import has run.</returns>
    public async Task EnsureAsync(Func<CancellationToken, Task<int>> import, CancellationToken cancellationToken)
    {
        if (_done)
        {
            return;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (!_done)
            {
                await import(cancellationToken);
                _done = true;
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Imports each old version whose id and version are not in the database yet.</summary>
    /// <typeparam name="TVersion">The registry's version type.</typeparam>
    /// <param name="existing">The id and version of every version in the database.</param>
    /// <param name="legacy">The versions of the old folder.</param>
    /// <param name="key">The id and version of an old version.</param>
    /// <param name="importOne">Imports one version; false when it was skipped or already there.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>How many versions were imported.</returns>
    public static async Task<int> ImportMissingAsync<TVersion>(
        IEnumerable<(string Id, int Version)> existing,
        IEnumerable<TVersion> legacy,
        Func<TVersion, (string Id, int Version)> key,
        Func<TVersion, CancellationToken, Task<bool>> importOne,
        CancellationToken cancellationToken)
    {
        var known = existing.ToHashSet();
        var imported = 0;
        foreach (var version in legacy)
        {
            if (!known.Contains(key(version)) && await importOne(version, cancellationToken))
            {
                imported++;
            }
        }

        return imported;
    }

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();
}
