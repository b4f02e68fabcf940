namespace Designer.Persistence;

/// <summary>Where one row stands.</summary>
public enum BatchRowStatus
{
    /// <summary>Not started yet.</summary>
    Pending,

    /// <summary>Its run executes or is queued.</summary>
    Running,

    /// <summary>Its run waits for a person.</summary>
    Waiting,

    /// <summary>Its run completed.</summary>
    Succeeded,

    /// <summary>Its run failed, was cancelled or interrupted, or its start was refused.</summary>
    Failed,
}
