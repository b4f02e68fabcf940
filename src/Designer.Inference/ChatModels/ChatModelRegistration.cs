namespace Designer.Inference.ChatModels;

/// <summary>What an author submits to register the next version of a chat model.</summary>
public sealed record ChatModelRegistration
{
    /// <summary>The chat model every version shares: lowercase letters, digits and hyphens, at most 64.</summary>
    public required string Id { get; init; }

    /// <summary>One of <see cref="ChatProviderKinds"/>.</summary>
    public required string Provider { get; init; }

    /// <summary>Endpoint URL (must be admin-allowed).</summary>
    public required string Endpoint { get; init; }

    /// <summary>Model or deployment name.</summary>
    public required string ModelName { get; init; }

    /// <summary>Default temperature (0..2).</summary>
    public double? Temperature { get; init; }

    /// <summary>Default output-token cap.</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>Price per 1,000 input tokens.</summary>
    public decimal InputPricePer1K { get; init; }

    /// <summary>Price per 1,000 output tokens.</summary>
    public decimal OutputPricePer1K { get; init; }

    /// <summary>Context window in tokens.</summary>
    public int ContextWindow { get; init; } = 8192;

    /// <summary>Whether JSON-schema response_format is supported.</summary>
    public bool SupportsJsonSchema { get; init; } = true;

    /// <summary>Name of the configuration secret holding the key (not the key).</summary>
    public string? ApiKeySecret { get; init; }

    /// <summary>Stable id of the registering user.</summary>
    public required string RegisteredBy { get; init; }

    /// <summary>Free text.</summary>
    public string? Description { get; init; }
}
