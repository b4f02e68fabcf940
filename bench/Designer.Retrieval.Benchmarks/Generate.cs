using Designer.Retrieval.Embedded;

namespace Designer.Retrieval.Benchmarks;

internal static class Generate
{
    public static void Run(Arguments options)
    {
        var data = new ClusteredData(Dimension: options.Int("dim", 384), Seed: options.Int("seed", 7));
        var count = options.Int("count", 100_000);
        var output = options.String("out") ?? "base.fvecs";
        Console.WriteLine(data.Describe());
        ClusteredData.WriteFvecs(output, data.Generate(count));
        Console.WriteLine($"wrote {count} vectors to {Path.GetFullPath(output)}");
    }
}
