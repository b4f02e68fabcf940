namespace Designer.Persistence;

/// <summary>Where a human task stands.</summary>
public enum HumanTaskStatus
{
    /// <summary>Waiting for a decision.</summary>
    Pending,

    /// <summary>Exactly one decision was accepted.</summary>
    Decided,

    /// <summary>Its SLA elapsed and the timeout action applied.</summary>
    TimedOut,

    /// <summary>The run was cancelled while the task was pending.</summary>
    Cancelled,
}
