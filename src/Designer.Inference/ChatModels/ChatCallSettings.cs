namespace Designer.Inference.ChatModels;

/// <summary>Per-call settings; nulls fall back to the version's defaults.</summary>
public sealed record ChatCallSettings
{
    /// <summary>Sampling temperature.</summary>
    public double? Temperature { get; init; }

    /// <summary>Output-token cap.</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>JSON schema text sent as <c>response_format</c> when the version supports it.</summary>
    public string? JsonSchema { get; init; }

    /// <summary>Ask for the output tokens' log-probabilities (a confidence the model cannot talk itself into).</summary>
    public bool Logprobs { get; init; }
}
