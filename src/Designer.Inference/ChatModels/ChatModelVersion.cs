using Designer.Inference.Registry;

namespace Designer.Inference.ChatModels;

/// <summary>
/// One governed version of a chat model: where it is served, how it is billed and which configuration key holds its
/// API key. Never holds the key itself.
/// </summary>
public sealed record ChatModelVersion
{
    /// <summary>Model id (lowercase letters, digits, dashes).</summary>
    public required string Id { get; init; }

    /// <summary>Version, from 1.</summary>
    public required int Version { get; init; }

    /// <summary>Approval status; only <see cref="ModelStatus.Approved"/> versions are called or pinned.</summary>
    public required ModelStatus Status { get; init; }

    /// <summary>One of <see cref="ChatProviderKinds"/>.</summary>
    public required string Provider { get; init; }

    /// <summary>Endpoint URL; must be one of the admin-configured <see cref="ChatModelOptions.AllowedEndpoints"/>.</summary>
    public required string Endpoint { get; init; }

    /// <summary>Model name (OpenAI, compatible servers) or deployment name (Azure OpenAI).</summary>
    public required string ModelName { get; init; }

    /// <summary>Default sampling temperature.</summary>
    public double? Temperature { get; init; }

    /// <summary>Default cap on output tokens.</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>Price per 1,000 input tokens.</summary>
    public decimal InputPricePer1K { get; init; }

    /// <summary>Price per 1,000 output tokens.</summary>
    public decimal OutputPricePer1K { get; init; }

    /// <summary>Context window in tokens.</summary>
    public int ContextWindow { get; init; }

    /// <summary>Whether the provider honours a JSON-schema <c>response_format</c>; otherwise the schema goes in the instructions.</summary>
    public bool SupportsJsonSchema { get; init; } = true;

    /// <summary>Name of the secret under <c>Designer:ChatModels:Secrets</c>; null for keyless local servers.</summary>
    public string? ApiKeySecret { get; init; }

    /// <summary>Stable id of who registered the version (may not approve it).</summary>
    public required string RegisteredBy { get; init; }

    /// <summary>When it was registered.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who changed the status last.</summary>
    public string? StatusChangedBy { get; init; }

    /// <summary>When the status changed last.</summary>
    public DateTimeOffset? StatusChangedAt { get; init; }

    /// <summary>Free text.</summary>
    public string? Description { get; init; }

    /// <summary><c>id@version</c>, as workflows pin it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Reference => $"{Id}@{Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
