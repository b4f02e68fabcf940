namespace Designer.Inference.Serving;

/// <summary>One queued call: its rows and the completion its caller awaits.</summary>
internal sealed class PendingRequest(IReadOnlyList<float[]> rows)
{
    // Continuations run asynchronously so callers never execute on (and stall) the batch consumer.
    private readonly TaskCompletionSource<float[][]> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<float[]> Rows { get; } = rows;

    public Task<float[][]> Task => _completion.Task;

    /// <summary>True once the caller has its answer (result, timeout, cancellation or error); such requests are skipped.</summary>
    public bool IsCompleted => _completion.Task.IsCompleted;

    public bool TrySetResult(float[][] result) => _completion.TrySetResult(result);

    public bool TrySetException(Exception exception) => _completion.TrySetException(exception);

    public bool TrySetCanceled(CancellationToken cancellationToken) => _completion.TrySetCanceled(cancellationToken);
}
