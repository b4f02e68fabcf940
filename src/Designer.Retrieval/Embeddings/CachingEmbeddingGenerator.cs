using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace Designer.Retrieval.Embeddings;

/// <summary>
/// Caches embeddings in a bounded LRU keyed by (model id@version, SHA-256 of the text): repeated texts — re-ingested
/// documents, frequent queries — skip the model, and a new model version never reuses old vectors. Misses of one call
/// go to the inner generator as one batch.
/// </summary>
public sealed class CachingEmbeddingGenerator : DelegatingEmbeddingGenerator<string, Embedding<float>>
{
    private readonly string _modelKey;
    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<(string Key, Embedding<float> Value)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, Embedding<float> Value)> _recency = new();
    private readonly Lock _gate = new();
    private long _hits;
    private long _misses;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The generator that computes misses.</param>
    /// <param name="modelKey">The model's id and version, e.g. <c>minilm@2</c>.</param>
    /// <param name="capacity">The most embeddings kept; 10,000 by default.</param>
    public CachingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, string modelKey, int capacity = 10_000)
        : base(inner)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _modelKey = modelKey;
        _capacity = capacity;
    }

    /// <summary>Texts served from the cache so far.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Texts sent to the inner generator so far.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <inheritdoc />
    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToList();
        var keys = texts.Select(Key).ToList();
        var found = new Embedding<float>?[texts.Count];
        var missing = new Dictionary<string, int>(StringComparer.Ordinal); // key -> index into the miss batch
        var missTexts = new List<string>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (TryGet(keys[i], out var cached))
            {
                found[i] = cached;
                Interlocked.Increment(ref _hits);
            }
            else if (missing.TryAdd(keys[i], missTexts.Count))
            {
                missTexts.Add(texts[i]);
            }
        }

        if (missTexts.Count > 0)
        {
            Interlocked.Add(ref _misses, missTexts.Count);
            var computed = await base.GenerateAsync(missTexts, options, cancellationToken);
            foreach (var (key, index) in missing)
            {
                Put(key, computed[index]);
            }

            for (var i = 0; i < texts.Count; i++)
            {
                found[i] ??= computed[missing[keys[i]]];
            }
        }

        return new GeneratedEmbeddings<Embedding<float>>(found!);
    }

    private string Key(string text) => _modelKey + ":" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private bool TryGet(string key, out Embedding<float>? value)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                value = node.Value.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    private void Put(string key, Embedding<float> value)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                _recency.Remove(existing);
            }

            _entries[key] = _recency.AddFirst((key, value));
            while (_entries.Count > _capacity)
            {
                var last = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(last.Value.Key);
            }
        }
    }
}
