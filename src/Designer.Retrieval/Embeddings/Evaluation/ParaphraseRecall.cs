using Designer.Inference.Corpus;
using Designer.Retrieval.Embedded;
using Designer.Retrieval.Indexes;
using Microsoft.Extensions.AI;

namespace Designer.Retrieval.Embeddings.Evaluation;

/// <summary>
/// Measures paraphrase recall@k of dense (a given embedding model), lexical (Lucene BM25) and hybrid search over the
/// dispute corpus, through the real embedded index (exact dense search, so the figure is the model's, not HNSW's).
/// </summary>
internal static class ParaphraseRecall
{
    public static async Task<IReadOnlyList<ModeRecall>> MeasureAsync(
        IReadOnlyList<DisputeRecord> corpus,
        IReadOnlyList<ParaphraseQuery> queries,
        IEmbeddingGenerator<string, Embedding<float>> generator,
        string folder,
        int k,
        CancellationToken cancellationToken,
        IEmbeddingGenerator<string, Embedding<float>>? queryGenerator = null,
        double denseWeight = WeightedScoreFusion.DefaultDenseWeight)
    {
        var documentVectors = await generator.GenerateAsync(corpus.Select(d => d.Narrative), cancellationToken: cancellationToken);
        var queryVectors = await (queryGenerator ?? generator).GenerateAsync(queries.Select(q => q.Text), cancellationToken: cancellationToken);
        var relevantCount = corpus.GroupBy(d => d.Intent).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var intentOf = corpus.ToDictionary(d => d.Id, d => d.Intent, StringComparer.Ordinal);

        await using var provider = new EmbeddedVectorIndexProvider(folder, new EmbeddedIndexOptions { ExactSearchThreshold = int.MaxValue });
        var index = await provider.CreateAsync("paraphrase_recall", documentVectors[0].Vector.Length, cancellationToken: cancellationToken);
        await index.UpsertAsync(corpus.Select((d, i) => new VectorRecord(d.Id, documentVectors[i].Vector.ToArray(), d.Narrative)).ToList(), cancellationToken);

        var results = new List<ModeRecall>();
        (string Name, SearchMode Mode, FusionMethod Fusion)[] modes =
        [
            ("dense", SearchMode.Dense, FusionMethod.Rrf),
            ("lexical", SearchMode.Lexical, FusionMethod.Rrf),
            ("rrf", SearchMode.Hybrid, FusionMethod.Rrf),
            ("weighted", SearchMode.Hybrid, FusionMethod.Weighted),
        ];
        foreach (var (name, mode, fusion) in modes)
        {
            var perQuery = new List<double>();
            for (var q = 0; q < queries.Count; q++)
            {
                var hits = await index.SearchAsync(new SearchRequest
                {
                    Mode = mode,
                    Vector = mode == SearchMode.Lexical ? null : queryVectors[q].Vector.ToArray(),
                    QueryText = mode == SearchMode.Dense ? null : queries[q].Text,
                    TopK = k,
                    Fusion = fusion,
                    DenseWeight = denseWeight,
                }, cancellationToken);
                var found = hits.Count(h => intentOf[h.Id] == queries[q].Intent);
                perQuery.Add((double)found / Math.Min(k, relevantCount.GetValueOrDefault(queries[q].Intent, 0)));
            }

            results.Add(new ModeRecall(name, mode, perQuery.Average(), perQuery));
        }

        return results;
    }
}
