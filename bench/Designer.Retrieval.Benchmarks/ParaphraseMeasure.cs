using System.Globalization;
using Designer.Inference.Corpus;
using Designer.Retrieval.Embeddings.Evaluation;

namespace Designer.Retrieval.Benchmarks;

/// <summary>Paraphrase recall@5 of the default model (dense), BM25 (lexical) and hybrid on the demo corpus.</summary>
internal static class ParaphraseMeasure
{
    public static async Task RunAsync(Arguments options)
    {
        var seed = (ulong)options.Int("seed", (int)DisputeParaphraseQueries.DefaultSeed);
        await using var setup = EmbeddingModelSetup.Create();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var handle = await setup.ModelAsync(options.String("model") ?? "designer-lsa", CancellationToken.None);
        var training = started.Elapsed;
        var queries = DisputeParaphraseQueries.Generate(options.Int("per-intent", 6), seed);
        var embedding = System.Diagnostics.Stopwatch.StartNew();
        await handle.Generator.GenerateAsync(DisputeCorpus.Default.Select(d => d.Narrative));
        embedding.Stop();
        var results = await ParaphraseRecall.MeasureAsync(
            DisputeCorpus.Default, queries, handle.Generator, Path.Combine(setup.Folder, "index"), 5, CancellationToken.None,
            handle.QueryGenerator, options.Double("weight", handle.HybridDenseWeight ?? Indexes.WeightedScoreFusion.DefaultDenseWeight));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"corpus {DisputeCorpus.Default.Count} disputes, {queries.Count} queries (seed {seed}), model {handle.Model}@{handle.Version} ({handle.Dimensions} dims, ready in {training.TotalSeconds:0.0} s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"embedded the {DisputeCorpus.Default.Count} narratives in {embedding.Elapsed.TotalSeconds:0.0} s ({DisputeCorpus.Default.Count / embedding.Elapsed.TotalSeconds:0} docs/s, one call, uncached)"));
        foreach (var result in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Name,-8} recall@5 {result.Recall:0.000}"));
        }
    }
}
