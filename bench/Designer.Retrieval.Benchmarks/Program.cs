using System.Globalization;
using BenchmarkDotNet.Running;
using Designer.Retrieval.Benchmarks;

// Usage:
//   generate --count N [--dim 384] [--seed 7] --out base.fvecs      write clustered vectors as .fvecs
//   measure [--count 100000] [--queries 1000] [--ef 16,32,64,128] [--pg-count 10000] [--build-threads N] [--hnswlib on]
//                                                                   recall/latency/throughput sweep (pgvector too when
//                                                                   DESIGNER_TEST_PGVECTOR is set)
//   paraphrase [--seed 4242] [--per-intent 6]                       paraphrase recall@5: default model vs BM25 vs hybrid
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
    case "bdn":
        BenchmarkSwitcher.FromAssembly(typeof(SearchBenchmarks).Assembly).Run(args.Skip(1).ToArray());
        break;
    default:
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Unknown command '{command}'. Use generate, measure, paraphrase or bdn."));
        return 2;
}

return 0;
