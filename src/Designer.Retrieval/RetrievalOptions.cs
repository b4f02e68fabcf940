using System.ComponentModel.DataAnnotations;
using Designer.Retrieval.Embeddings;
using Designer.Retrieval.Embeddings.Training;
using Designer.Retrieval.Indexes;

namespace Designer.Retrieval;

/// <summary>Retrieval settings, bound from <c>Designer:Retrieval</c> and validated on start.</summary>
public sealed class RetrievalOptions
{
    /// <summary>The section of appsettings (or <c>Designer__Retrieval__*</c> environment variables) these options are bound from.</summary>
    public const string SectionName = "Designer:Retrieval";

    /// <summary>The index store; <see cref="IndexBackend.Embedded"/> by default.</summary>
    public IndexBackend IndexBackend { get; set; } = IndexBackend.Embedded;

    /// <summary>Npgsql connection string; required when <see cref="IndexBackend"/> is <see cref="IndexBackend.PgVector"/>.</summary>
    public string? PgVectorConnectionString { get; set; }

    /// <summary>Prefix of the pgvector tables; <c>designer_vec_</c> by default.</summary>
    [RegularExpression("^[a-z_][a-z0-9_]{0,14}$")]
    public string PgVectorTablePrefix { get; set; } = "designer_vec_";

    /// <summary>
    /// Qdrant's gRPC endpoint, e.g. <c>http://qdrant:6334/</c> (<c>https</c> for TLS); enables the Qdrant backend and is
    /// required for <see cref="IndexBackend.Qdrant"/>. Until issue 11 this was the REST endpoint (port 6333).
    /// </summary>
    public Uri? QdrantEndpoint { get; set; }

    /// <summary>Qdrant API key sent as the <c>api-key</c> call metadata, or <see langword="null"/>; keep it in secrets or the environment.</summary>
    public string? QdrantApiKey { get; set; }

    /// <summary>
    /// SHA-256 thumbprint (hex) of a Qdrant server certificate to pin, for a self-signed <c>https</c> endpoint;
    /// <see langword="null"/> (default) keeps normal certificate validation.
    /// </summary>
    [RegularExpression("^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$")]
    public string? QdrantCertificateThumbprint { get; set; }

    /// <summary>The deadline of each Qdrant call; 00:00:30 by default.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan QdrantTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>HNSW links per node (embedded index); 16 by default.</summary>
    [Range(2, 128)]
    public int HnswM { get; set; } = 16;

    /// <summary>HNSW construction beam width (embedded index); 200 by default.</summary>
    [Range(1, 4096)]
    public int HnswEfConstruction { get; set; } = 200;

    /// <summary>
    /// HNSW search beam width, for the embedded index and pgvector's <c>hnsw.ef_search</c>; 64 by default, which gives
    /// recall@10 ≥ 0.95 on 100k clustered 384-d vectors in the benchmark. A retrieval request can override it.
    /// </summary>
    [Range(1, 4096)]
    public int HnswEfSearch { get; set; } = 64;

    /// <summary>Below this many records the embedded index searches exactly (brute force); 2,000 by default.</summary>
    [Range(0, int.MaxValue)]
    public int ExactSearchThreshold { get; set; } = 2_000;

    /// <summary>
    /// Sub-folder of <c>Designer:DataDirectory</c> (default <c>data</c>, relative to the content root) holding embedded
    /// indexes and, for Qdrant, the local lexical indexes; <c>indexes</c> by default. An absolute path is used as is.
    /// </summary>
    [Required]
    public string DataDirectory { get; set; } = "indexes";

    /// <summary>
    /// A bring-your-own BERT-family ONNX embedding model (e.g. all-MiniLM-L6-v2 with mean pooling, bge-small with CLS
    /// pooling); when its <see cref="OnnxSentenceEmbeddingOptions.ModelPath"/> is set, an
    /// <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c> is registered, cached by model version and text
    /// hash. Relative paths resolve against the content root. Unset by default.
    /// </summary>
    public OnnxSentenceEmbeddingOptions? Embedding { get; set; }

    /// <summary>
    /// An OpenAI-compatible embedding endpoint (e.g. Designer's inference host serving <c>designer-lsa</c>, or a hosted
    /// model); when set, the catalog offers it under <see cref="OpenAIEmbeddingOptions.Model"/>, cached by model version
    /// and text hash, and <see cref="DefaultEmbeddingModel"/> may name it. Unset by default.
    /// </summary>
    public OpenAIEmbeddingOptions? OpenAIEmbedding { get; set; }

    /// <summary>Embeddings kept by the cache in front of the model; 10,000 by default.</summary>
    [Range(1, int.MaxValue)]
    public int EmbeddingCacheCapacity { get; set; } = 10_000;

    /// <summary>Chunk length, in characters, of collections created without one; 800 by default.</summary>
    [Range(64, 8000)]
    public int DefaultChunkSize { get; set; } = 800;

    /// <summary>Characters consecutive chunks share, for collections created without a value; 100 by default.</summary>
    [Range(0, 3999)]
    public int DefaultChunkOverlap { get; set; } = 100;

    /// <summary>Documents a background job chunks, embeds and writes per step (one progress update each); 32 by default.</summary>
    [Range(1, 10_000)]
    public int IngestBatchSize { get; set; } = 32;

    /// <summary>How often the job worker looks for jobs queued by another process; 00:00:05 by default.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan JobPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Run the background job worker in this process; <see langword="true"/> by default.</summary>
    public bool RunJobs { get; set; } = true;

    /// <summary>
    /// Training a new embedding model version queues the re-embedding of every collection built with an older version
    /// of that model; <see langword="true"/> by default.
    /// </summary>
    public bool ReembedOnNewModelVersion { get; set; } = true;

    /// <summary>
    /// The embedding model collections use when none is named; <c>all-minilm-l6-v2</c> (pretrained, registered at start
    /// from its NuGet carrier; chosen by measurement on real data, docs/benchmarks.md) by default. <c>designer-lsa</c>
    /// (the project-trained LSA model, see <see cref="Lsa"/>) stays a domain option, and the bring-your-own
    /// <see cref="Embedding"/> model's id may be named instead.
    /// </summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,63}$")]
    public string DefaultEmbeddingModel { get; set; } = "all-minilm-l6-v2";

    /// <summary>
    /// The dense weight of hybrid search (weighted score fusion) when a query or node names none; chosen on held-out
    /// data (docs/benchmarks.md). 0 = lexical only, 1 = dense only.
    /// </summary>
    [Range(0.0, 1.0)]
    public double HybridDenseWeight { get; set; } = WeightedScoreFusion.DefaultDenseWeight;

    /// <summary>Training settings of the project-trained LSA model (defaults in <see cref="LsaTrainingOptions"/>).</summary>
    public LsaTrainingOptions Lsa { get; set; } = new();
}
