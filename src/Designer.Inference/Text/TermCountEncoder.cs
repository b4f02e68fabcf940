using Microsoft.ML.OnnxRuntime;

namespace Designer.Inference.Text;

/// <summary>
/// Turns texts into the input rows of a project-trained text embedding model: one float per vocabulary term, the
/// term's count in the text (the model applies sublinear tf, idf, the projection and L2 normalisation). The vocabulary
/// and tokeniser name travel in the ONNX file's metadata, so a registered model version is self-contained and covered
/// by the registry's SHA-256 check.
/// </summary>
public sealed class TermCountEncoder
{
    /// <summary>The ONNX input name of term-count models; the inference host recognises them by it.</summary>
    public const string InputName = "term_counts";

    /// <summary>Metadata key holding the tokeniser name (<see cref="TextTokenizer.Name"/>).</summary>
    public const string TokenizerKey = "designer.text.tokenizer";

    /// <summary>Metadata key holding the vocabulary, one term per line; the line number is the input column.</summary>
    public const string VocabularyKey = "designer.text.vocabulary";

    private readonly Dictionary<string, int> _index;

    /// <summary>Creates an encoder over <paramref name="vocabulary"/>.</summary>
    /// <param name="vocabulary">Terms in input-column order (distinct).</param>
    public TermCountEncoder(IReadOnlyList<string> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        if (vocabulary.Count == 0)
        {
            throw new ArgumentException("The vocabulary is empty.", nameof(vocabulary));
        }

        Vocabulary = vocabulary;
        _index = new Dictionary<string, int>(vocabulary.Count, StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Count; i++)
        {
            if (!_index.TryAdd(vocabulary[i], i))
            {
                throw new ArgumentException($"The vocabulary repeats '{vocabulary[i]}'.", nameof(vocabulary));
            }
        }
    }

    /// <summary>The terms, in input-column order.</summary>
    public IReadOnlyList<string> Vocabulary { get; }

    /// <summary>The model's input width.</summary>
    public int Width => Vocabulary.Count;

    /// <summary>The metadata entries a model built for this encoder must carry.</summary>
    public IReadOnlyDictionary<string, string> ToMetadata() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [TokenizerKey] = TextTokenizer.Name,
        [VocabularyKey] = string.Join('\n', Vocabulary),
    };

    /// <summary>Reads the encoder of a term-count model from its ONNX bytes.</summary>
    /// <param name="onnxModel">The model file (already integrity-checked).</param>
    /// <exception cref="NotSupportedException">The model is not a term-count model of a known tokeniser.</exception>
    public static TermCountEncoder FromModel(byte[] onnxModel)
    {
        using var session = new InferenceSession(onnxModel);
        var metadata = session.ModelMetadata.CustomMetadataMap;
        if (!metadata.TryGetValue(TokenizerKey, out var tokenizer) || tokenizer != TextTokenizer.Name
            || !metadata.TryGetValue(VocabularyKey, out var vocabulary))
        {
            throw new NotSupportedException($"The model has no '{TextTokenizer.Name}' vocabulary in its metadata.");
        }

        return new TermCountEncoder(vocabulary.Split('\n'));
    }

    /// <summary>Counts the vocabulary terms of <paramref name="text"/>.</summary>
    /// <param name="tokens">How many tokens the text had (known or not).</param>
    public float[] Encode(string text, out int tokens)
    {
        var row = new float[Width];
        var terms = TextTokenizer.Tokenize(text);
        foreach (var term in terms)
        {
            if (_index.TryGetValue(term, out var column))
            {
                row[column]++;
            }
        }

        tokens = terms.Count;
        return row;
    }
}
