using System.Collections.Concurrent;
using Designer.Inference.Registry;
using Designer.Inference.Text;

namespace Designer.InferenceHost.Api;

/// <summary>
/// Prepares inputs for pretrained BERT-family embedding models (those with a <see cref="ModelDescriptor.TextEncoder"/>):
/// WordPiece over the registered, SHA-checked vocabulary, the model's window, and its query or document prefix.
/// </summary>
internal sealed class WordPieceTextEncoder : IEmbeddingTextEncoder
{
    private readonly ConcurrentDictionary<(string Id, int Version), Lazy<WordPieceEncoder>> _encoders = new();

    public bool CanEncode(ModelDescriptor model) => model.Kind == ModelKind.Embedding && model.TextEncoder is not null;

    public EncodedTexts Encode(ModelDescriptor model, IReadOnlyList<string> texts) => EncodeRows(model, texts, isQuery: false);

    public EncodedTexts EncodeQueries(ModelDescriptor model, IReadOnlyList<string> texts) => EncodeRows(model, texts, isQuery: true);

    private EncodedTexts EncodeRows(ModelDescriptor model, IReadOnlyList<string> texts, bool isQuery)
    {
        var key = (model.Id, model.Version);
        var lazy = _encoders.GetOrAdd(key, _ => new Lazy<WordPieceEncoder>(() => new WordPieceEncoder(model.TextEncoder!, ModelVocabulary.Read(model))));
        WordPieceEncoder encoder;
        try
        {
            encoder = lazy.Value;
        }
        catch
        {
            // A failed integrity check is not cached: a restored file is picked up by the next request.
            _encoders.TryRemove(new KeyValuePair<(string, int), Lazy<WordPieceEncoder>>(key, lazy));
            throw;
        }

        var rows = new List<float[]>(texts.Count);
        var truncated = new List<int>();
        var tokens = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var row = encoder.EncodeRow(texts[i], isQuery, out var cut);
            tokens += (int)row[0];
            if (cut)
            {
                truncated.Add(i);
            }

            rows.Add(row);
        }

        return new EncodedTexts(rows, tokens) { Truncated = truncated };
    }
}
