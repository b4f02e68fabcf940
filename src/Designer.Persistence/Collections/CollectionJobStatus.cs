namespace Designer.Persistence;

/// <summary>Where a collection job is.</summary>
public enum CollectionJobStatus
{
    /// <summary>Waiting for the worker.</summary>
    Queued,

    /// <summary>Being processed (or interrupted by a restart, then resumed).</summary>
    Running,

    /// <summary>Finished without an error.</summary>
    Succeeded,

    /// <summary>Stopped by an error.</summary>
    Failed,

    /// <summary>Stopped by a user.</summary>
    Cancelled,
}
