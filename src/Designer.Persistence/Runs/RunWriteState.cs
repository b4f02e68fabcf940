namespace Designer.Persistence;

/// <summary>
/// What the writes of one held run reuse (see <see cref="IRunWriteCache"/>). Its writes take <see cref="Gate"/> for
/// the whole write, so a vault entry a write adds is committed (or the state dropped) before another write uses its token.
/// </summary>
internal sealed class RunWriteState
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The run's vault, or null until the first write that tokenises loads it.</summary>
    public RunVaultSession? Vault { get; set; }

    /// <summary>The newest trace sequence stored, or null until read.</summary>
    public long? LastTrace { get; set; }

    /// <summary>The newest checkpoint sequence stored, or null until read.</summary>
    public long? LastCheckpoint { get; set; }
}
