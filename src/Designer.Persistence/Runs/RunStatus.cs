namespace Designer.Persistence;

/// <summary>Where a run stands, as stored.</summary>
public enum RunStatus
{
    /// <summary>Accepted and executing (or queued to execute).</summary>
    Running,

    /// <summary>Parked at a human gate; a <see cref="HumanTaskRecord"/> is pending.</summary>
    WaitingForHuman,

    /// <summary>An end node produced the output.</summary>
    Completed,

    /// <summary>A node faulted, or the run stopped without reaching an end node.</summary>
    Faulted,

    /// <summary>An operator cancelled it.</summary>
    Cancelled,

    /// <summary>The process stopped while it was executing; it was not resumed.</summary>
    Interrupted,
}
