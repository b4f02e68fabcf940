using System.Globalization;
using BenchmarkDotNet.Running;
using Designer.Inference.Benchmarks;

// `--load [seconds] [maxWaitMs]` runs the closed-loop load driver (throughput + p50/p95); anything else goes to
// BenchmarkDotNet, e.g. `--job short --filter *`.
if (args.Length > 0 && args[0] == "--load")
{
    var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 1.0;
    var maxWaitMs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2;
    string[] models = args.Length > 3 ? args[3].Split(',') : [BenchModels.Risk, BenchModels.Embedding];
    await LoadDriver.RunAsync(TimeSpan.FromSeconds(seconds), maxWaitMs, models);
    return;
}

// `--demo-threshold [firstRecord] [count]` prints the stricter demo version's threshold curve on a validation slice.
if (args.Length > 0 && args[0] == "--demo-threshold")
{
    DemoThresholdValidation.Run(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : DemoThresholdValidation.FirstRecord,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : DemoThresholdValidation.Count);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(BatchingBenchmarks).Assembly).Run(args);
