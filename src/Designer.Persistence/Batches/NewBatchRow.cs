namespace Designer.Persistence;

/// <summary>A row to store: its line and run input.</summary>
/// <param name="Line">File line (1-based).</param>
/// <param name="InputJson">Run input (a JSON object).</param>
public sealed record NewBatchRow(int Line, string InputJson);
