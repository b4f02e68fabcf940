namespace Designer.Inference.ChatModels;

/// <summary>What a provider answered.</summary>
public sealed record ChatReply
{
    /// <summary>The assistant text (raw, before parsing).</summary>
    public required string Text { get; init; }

    /// <summary>Input tokens reported by the provider's usage, when it reports them.</summary>
    public int? InputTokens { get; init; }

    /// <summary>Output tokens reported by the provider's usage.</summary>
    public int? OutputTokens { get; init; }

    /// <summary>Finish reason (e.g. <c>Stop</c>, <c>Length</c>).</summary>
    public string? FinishReason { get; init; }

    /// <summary>
    /// The geometric mean of the output tokens' probabilities (exp of the mean log-probability), when log-probabilities
    /// were asked for and the provider returned them; null otherwise.
    /// </summary>
    public double? TokenProbability { get; init; }
}
