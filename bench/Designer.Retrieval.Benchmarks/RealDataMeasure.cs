using System.Diagnostics;
using System.Globalization;
using Designer.Retrieval.Embedded;
using Designer.Retrieval.Indexes;
using Microsoft.Extensions.AI;

namespace Designer.Retrieval.Benchmarks;

/// <summary>
/// Retrieval as k-nearest-neighbour classification on a real labelled set (e.g. banking77): corpus = train split,
/// queries = test split, a query is answered at k when one of its top k hits carries its label. The fusion weight is
/// chosen on a split of train only (every 5th train text as query, the rest as corpus), never on test. Each fusion
/// family (min-max, z-score, DBSF) gets its weight from that split; test figures are only reported.
/// </summary>
internal static class RealDataMeasure
{
    private const int Depth = 40;
    private static readonly double[] Weights = [.. Enumerable.Range(0, 21).Select(i => i / 20.0)];

    public static async Task RunAsync(Arguments options)
    {
        var data = options.String("data") ?? throw new ArgumentException("--data <folder with train.csv and test.csv, or CLINC150's data_full.json> is required.");
        // --train-every / --test-every k keep every k-th row (a smaller, still label-balanced run on a busy machine).
        var trainEvery = options.Int("train-every", 1);
        var testEvery = options.Int("test-every", 1);
        var (allTrain, allTest) = LabelledTexts.ReadSplits(data);
        var train = allTrain.Where((_, i) => i % trainEvery == 0).ToList();
        var test = allTest.Where((_, i) => i % testEvery == 0).ToList();
        var latencyQueries = Math.Min(test.Count, options.Int("latency-queries", 100));
        var models = (options.String("models") ?? "designer-lsa,all-minilm-l6-v2").Split(',');
        var cacheFolder = options.String("cache") ?? Path.Combine(Path.GetTempPath(), "designer-embedding-cache");
        var dataset = Path.GetFileName(Path.GetFullPath(data).TrimEnd(Path.DirectorySeparatorChar));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{dataset}: corpus {train.Count} train texts, {test.Count} test queries, {train.Select(t => t.Label).Distinct().Count()} labels; {Environment.ProcessorCount} cores"));
        Console.WriteLine("| model | mode | weight (chosen on train-dev) | dev top-1 | dev hit@5 | test top-1 | test hit@5 |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        var speed = new List<string>();
        var curves = new List<string>();
        var paired = new List<string>();
        foreach (var model in models)
        {
            await using var setup = EmbeddingModelSetup.Create();
            var handle = model == "lsa-fit"
                ? await setup.Catalog.TrainAsync("lsa-fit", [.. train.Select(t => t.Text)], CancellationToken.None)
                : await setup.ModelAsync(model, CancellationToken.None);
            // LSA is cheap and trained per run: never cached. Pretrained vectors are a function of the text only.
            var cached = model is not ("designer-lsa" or "lsa-fit");
            var documentCache = cached ? EmbeddingDiskCache.Open(cacheFolder, $"{model}-document") : null;
            var started = Stopwatch.StartNew();
            var (documents, embedded, embedSeconds) = await EmbedAsync(documentCache, handle.Generator, [.. train.Select(t => t.Text)]);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{model}: {train.Count} train texts, {embedded} embedded now in {embedSeconds:0.0} s"));
            var variants = new List<(string Name, IEmbeddingGenerator<string, Embedding<float>> Queries, string Kind)> { (model, handle.QueryGenerator, ReferenceEquals(handle.QueryGenerator, handle.Generator) ? "document" : "query") };
            if (!ReferenceEquals(handle.QueryGenerator, handle.Generator))
            {
                variants.Add((model + " (no query prefix)", handle.Generator, "document"));
            }

            var folder = Path.Combine(setup.Folder, "index");
            await using var provider = new EmbeddedVectorIndexProvider(folder, new EmbeddedIndexOptions { ExactSearchThreshold = int.MaxValue });
            var full = await BuildAsync(provider, "full", train, documents, Enumerable.Range(0, train.Count));
            var devCorpus = Enumerable.Range(0, train.Count).Where(i => i % 5 != 0).ToList();
            var devQueries = Enumerable.Range(0, train.Count).Where(i => i % 5 == 0).ToList();
            var dev = await BuildAsync(provider, "dev", train, documents, devCorpus);
            Console.Error.WriteLine($"{model}: indexes built at {started.Elapsed.TotalSeconds:0} s");
            foreach (var (name, queries, kind) in variants)
            {
                var queryCache = cached ? EmbeddingDiskCache.Open(cacheFolder, $"{model}-{kind}") : null;
                // Dev: train texts as queries (through the query generator) against the other four fifths of train.
                var (devVectors, _, _) = await EmbedAsync(queryCache, queries, [.. devQueries.Select(i => train[i].Text)]);
                var devLegs = await LegsAsync(dev, devQueries.Select((i, n) => (train[i].Text, devVectors[n])).ToList());
                var devLabels = devQueries.Select(i => train[i].Label).ToList();
                var (testVectors, _, _) = await EmbedAsync(queryCache, queries, [.. test.Select(t => t.Text)]);
                var legs = await LegsAsync(full, test.Select((t, n) => (t.Text, testVectors[n])).ToList());
                var labels = test.Select(t => t.Label).ToList();
                double Dev(Func<Legs, IReadOnlyList<SearchHit>> rank) => Accuracy(devLegs, devLabels, dev.Labels, rank, 1);
                double Dev5(Func<Legs, IReadOnlyList<SearchHit>> rank) => Accuracy(devLegs, devLabels, dev.Labels, rank, 5);
                // What "never loses to its parts" means on dev: at least the better leg's top-1 and hit@5.
                var floorTop1 = Math.Max(Dev(l => l.Dense), Dev(l => l.Lexical));
                var floorHit5 = Math.Max(Dev5(l => l.Dense), Dev5(l => l.Lexical));
                double Test(Func<Legs, IReadOnlyList<SearchHit>> rank, int k) => Accuracy(legs, labels, full.Labels, rank, k);

                var families = new (string Mode, Func<Legs, double, IReadOnlyList<SearchHit>> Rank)[]
                {
                    ("weighted min-max", (l, w) => WeightedScoreFusion.Fuse(l.Dense, l.Lexical, w, 5)),
                    ("weighted z-score", (l, w) => ScoreNormalisedFusion.ZScore(l.Dense, l.Lexical, w, 5)),
                    ("weighted DBSF", (l, w) => ScoreNormalisedFusion.Dbsf(l.Dense, l.Lexical, w, 5)),
                };
                var rows = new List<(string Mode, double Weight, Func<Legs, IReadOnlyList<SearchHit>> Rank)>
                {
                    ("dense", double.NaN, l => l.Dense),
                    ("lexical (BM25)", double.NaN, l => l.Lexical),
                    ("hybrid RRF", double.NaN, l => ReciprocalRankFusion.Fuse([l.Dense, l.Lexical], 5)),
                    ("weighted min-max, w=0.7 (old default)", 0.7, l => WeightedScoreFusion.Fuse(l.Dense, l.Lexical, 0.7, 5)),
                };
                // The product's default for this model: the weight its descriptor (or the LSA options) records.
                var productWeight = handle.HybridDenseWeight ?? WeightedScoreFusion.DefaultDenseWeight;
                rows.Add(("**product default: weighted min-max, the model's w**", productWeight, l => WeightedScoreFusion.Fuse(l.Dense, l.Lexical, productWeight, 5)));
                foreach (var (mode, rank) in families)
                {
                    var curve = Weights.Select(w => (W: w, Dev: Dev(l => rank(l, w)), Dev5: Dev5(l => rank(l, w)))).ToList();
                    curves.Add(string.Create(CultureInfo.InvariantCulture,
                        $"| {dataset} | {name} | {mode} | top-1 | {string.Join(" ", curve.Select(c => c.Dev.ToString("0.000", CultureInfo.InvariantCulture)))} |"));
                    curves.Add(string.Create(CultureInfo.InvariantCulture,
                        $"| {dataset} | {name} | {mode} | hit@5 | {string.Join(" ", curve.Select(c => c.Dev5.ToString("0.000", CultureInfo.InvariantCulture)))} |"));
                    // Reported, never used to choose: how sensitive test is to the weight.
                    curves.Add(string.Create(CultureInfo.InvariantCulture,
                        $"| {dataset} | {name} | {mode} | TEST top-1 | {string.Join(" ", Weights.Select(w => Test(l => rank(l, w), 1).ToString("0.000", CultureInfo.InvariantCulture)))} |"));
                    // Best dev top-1; ties go to the weight nearer the middle, the least extreme choice among equals.
                    var best = curve.OrderByDescending(c => c.Dev).ThenBy(c => Math.Abs(c.W - 0.5)).First();
                    rows.Add((mode, best.W, l => rank(l, best.W)));
                    // Best dev top-1 among the weights that keep both dev metrics at or above the better leg (if any).
                    var safe = curve.Where(c => c.Dev >= floorTop1 && c.Dev5 >= floorHit5).OrderByDescending(c => c.Dev).ThenBy(c => Math.Abs(c.W - 0.5)).FirstOrDefault();
                    if (safe.W != best.W && curve.Any(c => c.Dev >= floorTop1 && c.Dev5 >= floorHit5))
                    {
                        rows.Add((mode + " (≥ both legs on dev)", safe.W, l => rank(l, safe.W)));
                    }
                }

                // Paired: per test query, does the default find the label where a leg does not, or the other way
                // round. Equal accuracy up to a few discordant queries is noise, not a loss; the sign test says which.
                Func<Legs, IReadOnlyList<SearchHit>> fusedDefault = l => WeightedScoreFusion.Fuse(l.Dense, l.Lexical, productWeight, 5);
                foreach (var (legName, leg) in new (string, Func<Legs, IReadOnlyList<SearchHit>>)[] { ("dense", l => l.Dense), ("BM25", l => l.Lexical) })
                {
                    foreach (var k in new[] { 1, 5 })
                    {
                        var (wins, losses) = Discordant(legs, labels, full.Labels, fusedDefault, leg, k);
                        paired.Add(string.Create(CultureInfo.InvariantCulture,
                            $"| {dataset} | {name} | {legName} | {(k == 1 ? "top-1" : "hit@5")} | {Test(fusedDefault, k) - Test(leg, k):+0.0000;-0.0000;0.0000} | {wins} | {losses} | {SignTestP(wins, losses):0.000} |"));
                    }
                }

                foreach (var (mode, weight, rank) in rows)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {name} | {mode} | {(double.IsNaN(weight) ? "-" : weight.ToString("0.00", CultureInfo.InvariantCulture))} | {Dev(rank):0.0000} | {Dev5(rank):0.0000} | {Test(rank, 1):0.0000} | {Test(rank, 5):0.0000} |"));
                }

                var latency = new double[latencyQueries];
                for (var q = 0; q < latencyQueries; q++)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    var one = await queries.GenerateAsync([test[q].Text + " "]);
                    await full.Index.SearchAsync(new SearchRequest { Mode = SearchMode.Hybrid, Vector = one[0].Vector.ToArray(), QueryText = test[q].Text, TopK = 5, Fusion = FusionMethod.Weighted });
                    latency[q] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                }

                Array.Sort(latency);
                using var process = Process.GetCurrentProcess();
                speed.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {handle.Dimensions} | {(embedded > 0 ? (embedded / embedSeconds).ToString("0", CultureInfo.InvariantCulture) : "cached")} | {(latencyQueries > 0 ? latency[latencyQueries / 2] : 0):0.00} | {(latencyQueries > 0 ? latency[(int)(latencyQueries * 0.95)] : 0):0.00} | {process.PeakWorkingSet64 / (1024.0 * 1024):0} |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("Dev top-1 and hit@5 (train split: every 5th train text queries the rest) by dense weight " + string.Join(" ", Weights.Select(w => w.ToString("0.00", CultureInfo.InvariantCulture))) + ":");
        Console.WriteLine("| set | model | fusion | metric | dev value per weight |");
        Console.WriteLine("|---|---|---|---|---|");
        curves.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine("Product default vs each leg on test, paired: queries only the default gets right (wins), only the leg (losses), exact two-sided sign test p:");
        Console.WriteLine("| set | model | leg | metric | default − leg | wins | losses | p |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        paired.ForEach(Console.WriteLine);
        Console.WriteLine();
        Console.WriteLine("| model | dims | embed docs/s (train) | query p50 ms (embed + hybrid) | p95 ms | peak working set MiB |");
        Console.WriteLine("|---|---|---|---|---|---|");
        speed.ForEach(Console.WriteLine);
    }

    private static async Task<(float[][] Vectors, int Embedded, double Seconds)> EmbedAsync(
        EmbeddingDiskCache? cache, IEmbeddingGenerator<string, Embedding<float>> generator, IReadOnlyList<string> texts)
    {
        if (cache is not null)
        {
            return await cache.GetAsync(generator, texts);
        }

        var started = Stopwatch.StartNew();
        var generated = await generator.GenerateAsync(texts);
        return ([.. generated.Select(g => g.Vector.ToArray())], texts.Count, started.Elapsed.TotalSeconds);
    }

    private static async Task<Built> BuildAsync(
        EmbeddedVectorIndexProvider provider, string name, IReadOnlyList<(string Text, string Label)> rows, float[][] vectors, IEnumerable<int> members)
    {
        var index = await provider.CreateAsync(name, vectors[0].Length);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var records = new List<VectorRecord>();
        foreach (var i in members)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            labels[id] = rows[i].Label;
            records.Add(new VectorRecord(id, vectors[i], rows[i].Text));
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

    private static (int Wins, int Losses) Discordant(
        List<Legs> legs, IReadOnlyList<string> labels, Dictionary<string, string> corpusLabels,
        Func<Legs, IReadOnlyList<SearchHit>> candidate, Func<Legs, IReadOnlyList<SearchHit>> reference, int k)
    {
        var (wins, losses) = (0, 0);
        for (var q = 0; q < legs.Count; q++)
        {
            var c = candidate(legs[q]).Take(k).Any(h => corpusLabels[h.Id] == labels[q]);
            var r = reference(legs[q]).Take(k).Any(h => corpusLabels[h.Id] == labels[q]);
            wins += c && !r ? 1 : 0;
            losses += r && !c ? 1 : 0;
        }

        return (wins, losses);
    }

    /// <summary>Exact two-sided sign test (McNemar's exact form) on the discordant pairs, under p = ½.</summary>
    internal static double SignTestP(int wins, int losses)
    {
        var n = wins + losses;
        if (n == 0)
        {
            return 1.0;
        }

        // Sum the binomial tail in log space so n in the thousands does not overflow.
        var low = Math.Min(wins, losses);
        var logHalfN = n * Math.Log(0.5);
        var tail = 0.0;
        var logChoose = 0.0;
        for (var i = 0; i <= low; i++)
        {
            if (i > 0)
            {
                logChoose += Math.Log(n - i + 1) - Math.Log(i);
            }

            tail += Math.Exp(logChoose + logHalfN);
        }

        return Math.Min(1.0, 2 * tail);
    }

    private sealed record Built(IVectorIndex Index, Dictionary<string, string> Labels);

    private sealed record Legs(IReadOnlyList<SearchHit> Dense, IReadOnlyList<SearchHit> Lexical);
}
