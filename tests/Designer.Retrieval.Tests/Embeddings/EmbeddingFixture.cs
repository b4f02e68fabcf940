using Designer.Retrieval.Embeddings;
using Designer.Retrieval.Tests.Support;

namespace Designer.Retrieval.Tests.Embeddings;

/// <summary>Writes the tiny model and a small WordPiece vocabulary once for all embedding tests.</summary>
public sealed class EmbeddingFixture : IDisposable
{
    // Line number = token id.
    public static readonly string[] Vocabulary =
    [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "cat", "sat", "on", "mat", ".", "dog", "run", "##s", "##ning",
        "play", "##ed", "refund", "late", ",", "a", "parcel", "damaged", "card",
    ];

    private readonly string _folder = TestEnvironment.NewTempFolder();

    public EmbeddingFixture()
    {
        Model = new TinyBertModel(Vocabulary.Length, hidden: 8, seed: 21);
        ModelPath = Path.Combine(_folder, "tiny-bert.onnx");
        VocabularyPath = Path.Combine(_folder, "vocab.txt");
        Model.Save(ModelPath);
        File.WriteAllLines(VocabularyPath, Vocabulary);
    }

    public TinyBertModel Model { get; }

    public string ModelPath { get; }

    public string VocabularyPath { get; }

    public OnnxSentenceEmbeddingOptions Options(EmbeddingPooling pooling = EmbeddingPooling.Mean, int maxLength = 256, int batchSize = 32, bool normalize = true) => new()
    {
        ModelPath = ModelPath,
        VocabularyPath = VocabularyPath,
        ModelId = "tiny-bert",
        ModelVersion = "1",
        Pooling = pooling,
        MaxLength = maxLength,
        BatchSize = batchSize,
        Normalize = normalize,
    };

    public void Dispose() => TestEnvironment.DeleteFolder(_folder);
}
