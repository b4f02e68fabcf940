namespace Designer.Persistence;

/// <summary>One row's outcome, for the results page and CSV.</summary>
/// <param name="Line">File line.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="RunId">Its run, once started.</param>
/// <param name="RunStatus">The run's stored status.</param>
/// <param name="EndNode">The End node reached.</param>
/// <param name="Error">The run's error or why the start was refused.</param>
public sealed record BatchRowRecord(int Line, BatchRowStatus Status, Guid? RunId, RunStatus? RunStatus, string? EndNode, string? Error);
