using System.Diagnostics;
using System.Globalization;
using Designer.Retrieval.Embedded;
using Designer.Retrieval.Indexes;
using Microsoft.Extensions.AI;

namespace Designer.Retrieval.Benchmarks;

/// <summary>
/// Retrieval as k-nearest-neighbour classification on a real labelled set (e.g. banking77): corpus = train split,
/// queries = test split, a query is answered at k when one of its top k hits carries its label. The fusion weight is
/// chosen on a split of train only (every 5th train text as query, the rest as corpus), never on test.
/// </summary>
internal static class RealDataMeasure
{
    private const int Depth = 40;
    private static readonly double[] Weights = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

    public static async Task RunAsync(Arguments options)
    {
        var data = options.String("data") ?? throw new ArgumentException("--data <folder with train.csv and test.csv> is required.");
        // --train-every / --test-every k keep every k-th row (a smaller, still label-balanced run on a busy machine).
        var trainEvery = options.Int("train-every", 1);
        var testEvery = options.Int("test-every", 1);
        var train = LabelledTexts.ReadCsv(Path.Combine(data, "train.csv")).Where((_, i) => i % trainEvery == 0).ToList();
        var test = LabelledTexts.ReadCsv(Path.Combine(data, "test.csv")).Where((_, i) => i % testEvery == 0).ToList();
        var latencyQueries = Math.Min(test.Count, options.Int("latency-queries", 300));
        var models = (options.String("models") ?? "designer-lsa,lsa-fit,all-minilm-l6-v2,arctic-embed-xs").Split(',');
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"corpus {train.Count} train texts, {test.Count} test queries, {train.Select(t => t.Label).Distinct().Count()} labels; {Environment.ProcessorCount} cores"));
        Console.WriteLine("| model | queries | mode | weight | top-1 | hit@5 | (dev top-1) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var speed = new List<string>();
        foreach (var model in models)
        {
            await using var setup = EmbeddingModelSetup.Create();
            var handle = model == "lsa-fit"
                ? await setup.Catalog.TrainAsync("lsa-fit", [.. train.Select(t => t.Text)], CancellationToken.None)
                : await setup.ModelAsync(model, CancellationToken.None);
            var started = Stopwatch.StartNew();
            var documents = await handle.Generator.GenerateAsync(train.Select(t => t.Text));
            var ingestSeconds = started.Elapsed.TotalSeconds;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{model}: embedded {train.Count} in {ingestSeconds:0.0} s"));
            var variants = new List<(string Name, IEmbeddingGenerator<string, Embedding<float>> Queries)> { (model, handle.QueryGenerator) };
            if (!ReferenceEquals(handle.QueryGenerator, handle.Generator))
            {
                variants.Add((model + " (no query prefix)", handle.Generator));
            }

            var folder = Path.Combine(setup.Folder, "index");
            await using var provider = new EmbeddedVectorIndexProvider(folder, new EmbeddedIndexOptions { ExactSearchThreshold = int.MaxValue });
            var full = await BuildAsync(provider, "full", train, documents, Enumerable.Range(0, train.Count));
            var devCorpus = Enumerable.Range(0, train.Count).Where(i => i % 5 != 0).ToList();
            var devQueries = Enumerable.Range(0, train.Count).Where(i => i % 5 == 0).ToList();
            var dev = await BuildAsync(provider, "dev", train, documents, devCorpus);
            Console.Error.WriteLine($"{model}: indexes built at {started.Elapsed.TotalSeconds:0} s");
            foreach (var (name, queries) in variants)
            {
                // Dev: query vectors of train texts through the query generator (prefix where the model has one).
                var devVectors = await queries.GenerateAsync(devQueries.Select(i => train[i].Text));
                var devLegs = await LegsAsync(dev, devQueries.Select((i, n) => (train[i].Text, devVectors[n].Vector.ToArray())).ToList());
                var devLabels = devQueries.Select(i => train[i].Label).ToList();
                var best = Weights.Select(w => (W: w, Score: Accuracy(devLegs, devLabels, dev.Labels, l => WeightedScoreFusion.Fuse(l.Dense, l.Lexical, w, 5), 1)))
                    .OrderByDescending(x => x.Score).ThenBy(x => Math.Abs(x.W - 0.5)).First();

                var latency = new double[latencyQueries];
                for (var q = 0; q < latencyQueries; q++)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    var one = await queries.GenerateAsync([test[q].Text + " "]);
                    await full.Index.SearchAsync(new SearchRequest { Mode = SearchMode.Hybrid, Vector = one[0].Vector.ToArray(), QueryText = test[q].Text, TopK = 5, Fusion = FusionMethod.Weighted, DenseWeight = best.W });
                    latency[q] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                }

                Array.Sort(latency);
                var testVectors = await queries.GenerateAsync(test.Select(t => t.Text));
                var legs = await LegsAsync(full, test.Select((t, n) => (t.Text, testVectors[n].Vector.ToArray())).ToList());
                var labels = test.Select(t => t.Label).ToList();
                (string Mode, double Weight, Func<Legs, IReadOnlyList<SearchHit>> Rank)[] modes =
                [
                    ("dense", 1, l => l.Dense),
                    ("lexical (BM25)", 0, l => l.Lexical),
                    ("hybrid RRF", double.NaN, l => ReciprocalRankFusion.Fuse([l.Dense, l.Lexical], 5)),
                    ("hybrid weighted", best.W, l => WeightedScoreFusion.Fuse(l.Dense, l.Lexical, best.W, 5)),
                    ("hybrid weighted w=0.5", 0.5, l => WeightedScoreFusion.Fuse(l.Dense, l.Lexical, 0.5, 5)),
                ];
                foreach (var (mode, weight, rank) in modes)
                {
                    var devScore = double.IsNaN(weight) ? Accuracy(devLegs, devLabels, dev.Labels, l => ReciprocalRankFusion.Fuse([l.Dense, l.Lexical], 5), 1)
                        : Accuracy(devLegs, devLabels, dev.Labels, l => WeightedScoreFusion.Fuse(l.Dense, l.Lexical, weight, 5), 1);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {name} | test | {mode} | {(double.IsNaN(weight) ? "-" : weight.ToString("0.0", CultureInfo.InvariantCulture))} | {Accuracy(legs, labels, full.Labels, rank, 1):0.0000} | {Accuracy(legs, labels, full.Labels, rank, 5):0.0000} | {devScore:0.0000} |"));
                }

                using var process = Process.GetCurrentProcess();
                speed.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {handle.Dimensions} | {train.Count / ingestSeconds:0} | {latency[latencyQueries / 2]:0.00} | {latency[(int)(latencyQueries * 0.95)]:0.00} | {process.WorkingSet64 / (1024.0 * 1024):0} | {process.PeakWorkingSet64 / (1024.0 * 1024):0} |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| model | dims | embed docs/s (train, 1 call) | query p50 ms (embed + weighted hybrid) | p95 ms | working set MiB | peak MiB |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        speed.ForEach(Console.WriteLine);
    }

    private static async Task<Built> BuildAsync(
        EmbeddedVectorIndexProvider provider, string name, IReadOnlyList<(string Text, string Label)> rows, GeneratedEmbeddings<Embedding<float>> vectors, IEnumerable<int> members)
    {
        var index = await provider.CreateAsync(name, vectors[0].Vector.Length);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var records = new List<VectorRecord>();
        foreach (var i in members)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            labels[id] = rows[i].Label;
            records.Add(new VectorRecord(id, vectors[i].Vector.ToArray(), rows[i].Text));
        }

        foreach (var batch in records.Chunk(1000))
        {
            await index.UpsertAsync(batch);
        }

        return new Built(index, labels);
    }

    private static async Task<List<Legs>> LegsAsync(Built built, IReadOnlyList<(string Text, float[] Vector)> queries)
    {
        var legs = new List<Legs>(queries.Count);
        foreach (var (text, vector) in queries)
        {
            var dense = await built.Index.SearchAsync(new SearchRequest { Mode = SearchMode.Dense, Vector = vector, TopK = Depth });
            var lexical = await built.Index.SearchAsync(new SearchRequest { Mode = SearchMode.Lexical, QueryText = text, TopK = Depth });
            legs.Add(new Legs(dense, lexical));
        }

        return legs;
    }

    private static double Accuracy(List<Legs> legs, IReadOnlyList<string> labels, Dictionary<string, string> corpusLabels, Func<Legs, IReadOnlyList<SearchHit>> rank, int k)
    {
        var hits = 0;
        for (var q = 0; q < legs.Count; q++)
        {
            if (rank(legs[q]).Take(k).Any(h => corpusLabels[h.Id] == labels[q]))
            {
                hits++;
            }
        }

        return (double)hits / legs.Count;
    }

    private sealed record Built(IVectorIndex Index, Dictionary<string, string> Labels);

    private sealed record Legs(IReadOnlyList<SearchHit> Dense, IReadOnlyList<SearchHit> Lexical);
}
