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
}
