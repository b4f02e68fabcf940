using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using Designer.Inference.Corpus;
using Designer.Inference.Pretrained;
using Designer.Inference.Serving;
using Designer.Inference.Text;

namespace Designer.Retrieval.Benchmarks;

/// <summary>
/// Raw embeddings/s of a pretrained model at batch 1 / 32 / 128 per execution provider (the session the pool would
/// build, fed WordPiece rows directly, no queueing), and the agreement of CUDA with CPU vectors (cosine) on the same
/// texts. The texts are demo dispute narratives (37 WordPiece tokens on average).
/// </summary>
internal static class EmbedSpeed
{
    public static int Run(Arguments options)
    {
        var model = PretrainedModels.Find(options.String("model") ?? PretrainedModels.MiniLm.Id)
            ?? throw new ArgumentException("Unknown --model.");
        var carrier = Path.Combine(options.String("carrier") ?? PretrainedModels.DefaultCarrierDirectory, model.CarrierFile);
        var onnx = PretrainedCarrier.ReadResource(carrier, model.ModelResource);
        var encoder = new WordPieceEncoder(model.TextEncoder, PretrainedCarrier.ReadResource(carrier, model.VocabularyResource));
        var count = options.Int("texts", 256);
        var rows = DisputeCorpus.Default.Take(count).Select(d => encoder.EncodeRow(d.Narrative, isQuery: false, out _)).ToArray();
        var batches = options.Ints("batches", [1, 32, 128]);
        var providers = (options.String("providers") ?? "cpu").Split(',');
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{model.Id}: {rows.Length} texts, mean {rows.Average(r => r[0]):0} tokens; {Environment.ProcessorCount} cores; ORT providers available: {string.Join(", ", Microsoft.ML.OnnxRuntime.OrtEnv.Instance().GetAvailableProviders())}"));
        var vectors = new Dictionary<string, float[][]>(StringComparer.Ordinal);
        var failed = false;
        foreach (var provider in providers)
        {
            var selector = new ExecutionProviderSelector(preferCuda: provider == "cuda", cudaDeviceId: options.Int("device", 0));
            using var runner = new BertEmbeddingRunner(onnx, model.TextEncoder, selector);
            Console.WriteLine($"{provider}: served by {runner.Provider.Provider} ({runner.Provider.Reason})");
            if (provider == "cuda" && runner.Provider.Provider != "CUDAExecutionProvider")
            {
                failed = true;
                continue;
            }

            runner.Execute(Flatten(rows.Take(8).ToArray(), runner.InputWidth), 8); // warm-up: kernels, allocations
            foreach (var batch in batches)
            {
                var clock = Stopwatch.StartNew();
                var done = 0;
                foreach (var chunk in rows.Chunk(batch))
                {
                    runner.Execute(Flatten(chunk, runner.InputWidth), chunk.Length);
                    done += chunk.Length;
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {provider} | batch {batch,3} | {done / clock.Elapsed.TotalSeconds,8:0.0} embeddings/s |"));
            }

            var output = runner.Execute(Flatten(rows, runner.InputWidth), rows.Length);
            vectors[provider] = [.. output.Values.Chunk(output.Width)];
        }

        if (vectors.TryGetValue("cpu", out var cpu) && vectors.TryGetValue("cuda", out var cuda))
        {
            var cosines = cpu.Zip(cuda, (a, b) => TensorPrimitives.CosineSimilarity(a, b)).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CPU vs CUDA agreement over {cosines.Length} texts: min cosine {cosines.Min():0.000000}, mean {cosines.Average():0.000000}"));
            failed |= cosines.Min() < 0.999f;
        }

        return failed ? 1 : 0;
    }

    private static float[] Flatten(float[][] rows, int width)
    {
        var flat = new float[rows.Length * width];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i].CopyTo(flat, i * width);
        }

        return flat;
    }
}
