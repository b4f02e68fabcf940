namespace Designer.Persistence;

/// <summary>How many rows of a batch stand where.</summary>
/// <param name="Pending">Not started yet.</param>
/// <param name="Running">Run executing or queued.</param>
/// <param name="Waiting">Run parked at a human gate.</param>
/// <param name="Succeeded">Run completed.</param>
/// <param name="Failed">Run faulted, cancelled or interrupted, or the start was refused.</param>
public sealed record BatchProgress(int Pending, int Running, int Waiting, int Succeeded, int Failed)
{
    /// <summary>Rows whose run has ended or whose start was refused.</summary>
    public int Done => Succeeded + Failed;
}
