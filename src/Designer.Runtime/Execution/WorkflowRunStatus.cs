namespace Designer.Runtime.Execution;

/// <summary>Where a run stands after a start or resume call returns.</summary>
public enum WorkflowRunStatus
{
    /// <summary>An end node produced the output.</summary>
    Completed,

    /// <summary>A human gate waits for a decision; resume with one.</summary>
    WaitingForHuman,

    /// <summary>A node faulted; see <see cref="RunResult.Error"/>.</summary>
    Failed,

    /// <summary>The run went idle without output or pending request (a dead-end path).</summary>
    Stalled,
}
