namespace Designer.Inference.Serving;

/// <summary>
/// A model's request queue is full. Thrown immediately (never blocks) so the host can answer HTTP 503 with
/// <c>Retry-After</c> instead of letting callers pile up.
/// </summary>
public sealed class InferenceQueueFullException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InferenceQueueFullException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public InferenceQueueFullException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public InferenceQueueFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The model whose queue is full.</summary>
    public string? Model { get; init; }

    /// <summary>The queue capacity that was reached.</summary>
    public int Capacity { get; init; }
}
