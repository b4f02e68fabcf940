using System.ComponentModel.DataAnnotations;

namespace Designer.Retrieval.Embeddings;

/// <summary>A BERT-family sentence-transformer exported to ONNX plus its WordPiece vocabulary.</summary>
/// <remarks>
/// The model must take int64 <c>input_ids</c> and <c>attention_mask</c> (and <c>token_type_ids</c> if it declares it)
/// shaped [batch, sequence] and produce float <c>last_hidden_state</c> [batch, sequence, hidden] — the layout of
/// Hugging Face's ONNX exports of all-MiniLM-L6-v2 (mean pooling) and bge-small-en-v1.5 (CLS pooling).
/// </remarks>
public sealed record OnnxSentenceEmbeddingOptions
{
    /// <summary>Path of the <c>.onnx</c> file.</summary>
    [Required]
    public string ModelPath { get; init; } = "";

    /// <summary>Path of the WordPiece <c>vocab.txt</c> (one token per line; the line number is the id).</summary>
    [Required]
    public string VocabularyPath { get; init; } = "";

    /// <summary>The model's id, reported in metadata and part of the cache key; <c>sentence-embedding</c> by default.</summary>
    public string ModelId { get; init; } = "sentence-embedding";

    /// <summary>The model's version; part of the cache key, so a new version never serves stale vectors. <c>1</c> by default.</summary>
    public string ModelVersion { get; init; } = "1";

    /// <summary>Tokens per text including [CLS] and [SEP]; longer texts are truncated. 256 by default (MiniLM was trained at 256).</summary>
    [Range(2, 8192)]
    public int MaxLength { get; init; } = 256;

    /// <summary>The pooling; <see cref="EmbeddingPooling.Mean"/> by default.</summary>
    public EmbeddingPooling Pooling { get; init; } = EmbeddingPooling.Mean;

    /// <summary>Whether the sentence vectors are L2-normalised; true by default (cosine similarity becomes a dot product).</summary>
    public bool Normalize { get; init; } = true;

    /// <summary>Whether text is lower-cased before WordPiece (uncased vocabularies); true by default.</summary>
    public bool LowerCase { get; init; } = true;

    /// <summary>Texts per ONNX Runtime call; 32 by default.</summary>
    [Range(1, 4096)]
    public int BatchSize { get; init; } = 32;

    /// <summary>The output holding token vectors; <c>last_hidden_state</c> by default.</summary>
    public string OutputName { get; init; } = "last_hidden_state";
}
