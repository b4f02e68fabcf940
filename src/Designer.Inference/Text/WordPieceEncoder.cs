using System.Text.RegularExpressions;
using Designer.Inference.Registry;
using Microsoft.ML.Tokenizers;

namespace Designer.Inference.Text;

/// <summary>
/// Turns text into the rows a <see cref="Serving.BertEmbeddingRunner"/> takes through the dynamic batcher: WordPiece
/// ids (Microsoft.ML.Tokenizers <see cref="BertTokenizer"/>) with [CLS]/[SEP], truncated to the model's window, laid
/// out as <c>[count, id0, id1, …, 0…]</c> in a float row of width <c>MaxTokens + 1</c>. Floats hold ids exactly
/// (vocabularies are far below 2^24), so the batcher and its queueing stay model-agnostic.
/// </summary>
public sealed partial class WordPieceEncoder
{
    private readonly BertTokenizer _tokenizer;

    /// <summary>Creates the encoder.</summary>
    /// <param name="spec">The model's text front end.</param>
    /// <param name="vocabulary">The verified <c>vocab.txt</c> bytes.</param>
    public WordPieceEncoder(TextEncoderSpec spec, byte[] vocabulary)
    {
        Spec = spec ?? throw new ArgumentNullException(nameof(spec));
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.MaxTokens, 2, nameof(spec));
        if (spec.Kind != TextEncoderSpec.BertWordPiece)
        {
            throw new NotSupportedException($"Text encoder '{spec.Kind}' is not supported; only '{TextEncoderSpec.BertWordPiece}'.");
        }

        using var stream = new MemoryStream(vocabulary, writable: false);
        _tokenizer = BertTokenizer.Create(stream, new BertOptions
        {
            LowerCaseBeforeTokenization = spec.LowerCase,

            // Hugging Face's uncased BasicTokenizer strips accents whenever it lower-cases ("café" → "cafe").
            RemoveNonSpacingMarks = spec.LowerCase,
            PreTokenizer = HuggingFacePunctuation,
        });
    }

    /// <summary>
    /// Hugging Face's BasicTokenizer split: whitespace, then every punctuation character on its own — Unicode P* plus
    /// every ASCII symbol (<c>$ + &lt; = &gt; ^ ` | ~</c> included). The library's default (<c>\w+|\p{P}</c>) silently
    /// drops ASCII symbols such as <c>&gt;</c>, which changes the vectors (found by the equivalence test).
    /// </summary>
    private static PreTokenizer HuggingFacePunctuation { get; } = new RegexPreTokenizer(HuggingFacePunctuationPattern(), specialTokens: null);

    /// <summary>The model's text front end.</summary>
    public TextEncoderSpec Spec { get; }

    /// <summary>Floats per row: the count, then <see cref="TextEncoderSpec.MaxTokens"/> ids.</summary>
    public int RowWidth => Spec.MaxTokens + 1;

    /// <summary>Token ids for one text with [CLS] … [SEP], truncated to the window with [SEP] kept last.</summary>
    /// <param name="text">The text (prefix already applied).</param>
    /// <param name="truncated">Whether tokens were cut off.</param>
    public IReadOnlyList<int> Tokenize(string text, out bool truncated)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = _tokenizer.EncodeToIds(text, addSpecialTokens: true);
        truncated = ids.Count > Spec.MaxTokens;
        if (!truncated)
        {
            return ids;
        }

        var cut = new int[Spec.MaxTokens];
        for (var i = 0; i < cut.Length - 1; i++)
        {
            cut[i] = ids[i];
        }

        cut[^1] = _tokenizer.SeparatorTokenId;
        return cut;
    }

    /// <summary>One batcher row for a query or a document.</summary>
    /// <param name="text">The text, without prefix.</param>
    /// <param name="isQuery">Whether to apply the query prefix (else the document prefix).</param>
    /// <param name="truncated">Whether tokens were cut off.</param>
    public float[] EncodeRow(string text, bool isQuery, out bool truncated)
    {
        ArgumentNullException.ThrowIfNull(text);
        var prefix = isQuery ? Spec.QueryPrefix : Spec.DocumentPrefix;
        var ids = Tokenize(prefix.Length == 0 ? text : prefix + text, out truncated);
        var row = new float[RowWidth];
        row[0] = ids.Count;
        for (var i = 0; i < ids.Count; i++)
        {
            row[i + 1] = ids[i];
        }

        return row;
    }

    [GeneratedRegex(@"[^\s\p{P}\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E]+|[\p{P}\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E]", RegexOptions.CultureInvariant)]
    private static partial Regex HuggingFacePunctuationPattern();
}
