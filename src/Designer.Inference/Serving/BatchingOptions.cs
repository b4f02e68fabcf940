namespace Designer.Inference.Serving;

/// <summary>Limits of one <see cref="DynamicBatcher"/>.</summary>
/// <param name="MaxBatchSize">Most rows per batch.</param>
/// <param name="MaxWait">Longest the first request of a batch waits for company.</param>
/// <param name="QueueCapacity">Requests queued before new ones are refused.</param>
/// <param name="RequestTimeout">Per-request time limit from enqueue to result.</param>
public sealed record BatchingOptions(int MaxBatchSize, TimeSpan MaxWait, int QueueCapacity, TimeSpan RequestTimeout)
{
    /// <summary>Takes the batching settings of <paramref name="options"/>.</summary>
    /// <param name="options">Module options.</param>
    public static BatchingOptions From(InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new BatchingOptions(
            options.MaxBatchSize,
            TimeSpan.FromMilliseconds(options.MaxBatchWaitMs),
            options.QueueCapacity,
            TimeSpan.FromMilliseconds(options.RequestTimeoutMs));
    }
}
