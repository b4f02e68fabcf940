using System.Globalization;
using BenchmarkDotNet.Running;
using Designer.Retrieval.Benchmarks;

// Usage:
//   generate --count N [--dim 384] [--seed 7] --out base.fvecs      write clustered vectors as .fvecs
//   measure [--count 100000] [--queries 1000] [--ef 16,32,64,128] [--pg-count 10000] [--build-threads N] [--hnswlib on]
//                                                                   recall/latency/throughput sweep (pgvector too when
//                                                                   DESIGNER_TEST_PGVECTOR is set)
//   paraphrase [--seed 4242] [--per-intent 6]                       paraphrase recall@5: default model vs BM25 vs hybrid
//   realdata --data DIR [--models a,b] [--latency-queries 300]    kNN retrieval on a labelled set (DIR/train.csv,
//                                                                   DIR/test.csv: text,label): top-1 / hit@5 per model
//                                                                   and mode, fusion weight chosen on a train split
//   embedspeed [--model all-minilm-l6-v2] [--providers cpu,cuda] [--batches 1,32,128] [--texts 256]
//                                                                   raw embeddings/s per provider and batch; CPU-vs-CUDA
//                                                                   cosine (exit 1 when CUDA is missing or disagrees)
//   bdn [BenchmarkDotNet args]                                      BenchmarkDotNet suites (search loop, embeddings/s)
var command = args.Length > 0 ? args[0] : "measure";
var options = Arguments.Parse(args.Skip(1).ToArray());
switch (command)
{
    case "generate":
        Generate.Run(options);
        break;
    case "measure":
        await Measure.RunAsync(options);
        break;
    case "paraphrase":
        await ParaphraseMeasure.RunAsync(options);
        break;
    case "realdata":
        await RealDataMeasure.RunAsync(options);
        break;
    case "embedspeed":
        return EmbedSpeed.Run(options);
    case "bdn":
        BenchmarkSwitcher.FromAssembly(typeof(SearchBenchmarks).Assembly).Run(args.Skip(1).ToArray());
        break;
    default:
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Unknown command '{command}'. Use generate, measure, paraphrase, realdata, embedspeed or bdn."));
        return 2;
}

return 0;
