namespace Designer.Inference.Registry;

/// <summary>
/// The text front end of a BERT-family sentence-embedding model: WordPiece over the <c>vocab.txt</c> stored beside the
/// ONNX file (SHA-256 pinned), the token window, pooling and the prefixes queries and documents take.
/// </summary>
public sealed record TextEncoderSpec
{
    /// <summary>The only kind so far: WordPiece (Microsoft.ML.Tokenizers <c>BertTokenizer</c>).</summary>
    public const string BertWordPiece = "bert-wordpiece";

    /// <summary>The tokenizer kind; <see cref="BertWordPiece"/>.</summary>
    public string Kind { get; init; } = BertWordPiece;

    /// <summary>Lowercase hex SHA-256 of the vocabulary; filled in by the registry, checked whenever it is read.</summary>
    public string VocabularySha256 { get; init; } = "";

    /// <summary>Whether text is lower-cased before WordPiece (uncased vocabularies).</summary>
    public bool LowerCase { get; init; } = true;

    /// <summary>Tokens per text including [CLS] and [SEP]; longer texts are truncated (and reported).</summary>
    public int MaxTokens { get; init; } = 256;

    /// <summary>How token vectors become one text vector; must match how the model was trained.</summary>
    public TokenPooling Pooling { get; init; } = TokenPooling.Mean;

    /// <summary>Prepended to queries (asymmetric retrieval models), else empty.</summary>
    public string QueryPrefix { get; init; } = "";

    /// <summary>Prepended to documents, else empty.</summary>
    public string DocumentPrefix { get; init; } = "";

    /// <summary>
    /// The dense weight hybrid search uses with this model unless a collection, a retrieval node or the search sets
    /// one; chosen on the train splits of public labelled sets (docs/benchmarks.md), <see langword="null"/> for the
    /// configured <c>Designer:Retrieval:HybridDenseWeight</c>.
    /// </summary>
    public double? HybridDenseWeight { get; init; }

    /// <summary>The ONNX output holding token vectors [batch, sequence, hidden].</summary>
    public string OutputName { get; init; } = "last_hidden_state";
}
