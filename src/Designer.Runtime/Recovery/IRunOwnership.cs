namespace Designer.Runtime.Recovery;

/// <summary>
/// Who executes runs: every run records the host that executes it, and a Running run whose host is not alive is
/// resumed by another (or by this host after a restart).
/// </summary>
public interface IRunOwnership
{
    /// <summary>This host's owner id; unique per process start.</summary>
    string Owner { get; }

    /// <summary>The owner ids of the hosts alive now, this one included.</summary>
    ValueTask<IReadOnlyCollection<string>> LiveOwnersAsync(CancellationToken cancellationToken);
}
