namespace Designer.Persistence;

/// <summary>The outcome of <see cref="IWorkflowStore.SaveDraftAsync"/>: <see cref="Saved"/>, <see cref="Conflict"/> or <see cref="NotFound"/>.</summary>
public abstract record SaveDraftResult
{
    private SaveDraftResult()
    {
    }

    /// <summary>The draft was saved.</summary>
    /// <param name="ETag">The draft's new ETag.</param>
    /// <param name="UpdatedAt">Time of the save (UTC).</param>
    public sealed record Saved(string ETag, DateTimeOffset UpdatedAt) : SaveDraftResult;

    /// <summary>The expected ETag is stale: someone else saved first. Nothing was written.</summary>
    /// <param name="CurrentETag">The draft's current ETag.</param>
    public sealed record Conflict(string CurrentETag) : SaveDraftResult;

    /// <summary>No workflow with that id exists.</summary>
    public sealed record NotFound : SaveDraftResult;
}
