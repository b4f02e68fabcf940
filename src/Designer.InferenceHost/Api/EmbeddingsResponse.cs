namespace Designer.InferenceHost.Api;

/// <summary>OpenAI's embeddings response.</summary>
internal sealed record EmbeddingsResponse(string Object, IReadOnlyList<EmbeddingItem> Data, string Model, EmbeddingsUsage Usage)
{
    /// <summary>Indexes of inputs cut to the model's token window; absent when none was.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("designer_truncated")]
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? Truncated { get; init; }
}
