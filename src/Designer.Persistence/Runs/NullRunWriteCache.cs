namespace Designer.Persistence;

/// <summary>Holds nothing: for a run store that is not a <see cref="RunStore"/> (a decorator in tests), every write reads its state.</summary>
public sealed class NullRunWriteCache : IRunWriteCache
{
    /// <summary>Shared instance for hosts and tests that cache nothing (it holds no state).</summary>
    public static NullRunWriteCache Instance { get; } = new();

    private NullRunWriteCache()
    {
    }

    /// <inheritdoc />
    public void Hold(Guid runId)
    {
    }

    /// <inheritdoc />
    public void Release(Guid runId)
    {
    }
}
