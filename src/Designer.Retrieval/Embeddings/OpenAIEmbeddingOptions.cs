using System.ComponentModel.DataAnnotations;

namespace Designer.Retrieval.Embeddings;

/// <summary>
/// An OpenAI-compatible <c>/v1/embeddings</c> endpoint (OpenAI, Azure OpenAI's v1 API, vLLM, Ollama, or Designer's own
/// inference host), bound from <c>Designer:Retrieval:OpenAIEmbedding</c>. Unset by default.
/// </summary>
public sealed record OpenAIEmbeddingOptions
{
    /// <summary>Base URL including the version segment, e.g. <c>http://inference:8080/v1/</c>.</summary>
    [Required]
    public Uri? Endpoint { get; init; }

    /// <summary>
    /// The model name sent to the endpoint; collections refer to the model by this name. Designer's inference host
    /// also accepts <c>id@version</c> (e.g. <c>designer-lsa@2</c>) to pin a version.
    /// </summary>
    [Required]
    [StringLength(200, MinimumLength = 1)]
    public string Model { get; init; } = "";

    /// <summary>
    /// The version collections record for this model; raise it when the endpoint starts serving a different model
    /// under the same name, so collections re-embed and the cache is not reused. 1 by default.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int ModelVersion { get; init; } = 1;

    /// <summary>The embedding length the endpoint returns (sent as <c>dimensions</c> only to endpoints that support it: when set).</summary>
    [Range(1, 65_536)]
    public int? Dimensions { get; init; }

    /// <summary>API key sent as a bearer token; endpoints without authentication accept any value. <c>unused</c> by default.</summary>
    public string ApiKey { get; init; } = "unused";
}
