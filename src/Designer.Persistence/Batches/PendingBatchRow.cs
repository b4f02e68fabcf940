namespace Designer.Persistence;

/// <summary>A row the worker has to start.</summary>
/// <param name="Line">File line.</param>
/// <param name="InputJson">Run input.</param>
/// <param name="RunId">The run id recorded for it, if a start was begun before.</param>
public sealed record PendingBatchRow(int Line, string InputJson, Guid? RunId);
