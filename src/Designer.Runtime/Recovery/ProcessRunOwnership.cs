namespace Designer.Runtime.Recovery;

/// <summary>
/// A single host: the owner id is new on every process start, so every run owned by an earlier process is orphaned.
/// </summary>
public sealed class ProcessRunOwnership : IRunOwnership
{
    private readonly IReadOnlyCollection<string> _live;

    /// <summary>Creates the ownership with a fresh id.</summary>
    public ProcessRunOwnership()
    {
        Owner = $"process:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        _live = [Owner];
    }

    /// <inheritdoc />
    public string Owner { get; }

    /// <inheritdoc />
    public ValueTask<IReadOnlyCollection<string>> LiveOwnersAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_live);
}
