using Designer.Inference.Corpus;
using Designer.Inference.Onnx;
using Designer.Inference.Serving;
using Designer.Inference.Training;

namespace Designer.Inference.Benchmarks;

/// <summary>The two served models compared: the dispute risk model and an embedding-sized MLP standing in for the embedder.</summary>
internal static class BenchModels
{
    public const string Risk = "risk";
    public const string Embedding = "embedding";

    /// <summary>An executor that copies input to output: measures the batcher's own per-request cost.</summary>
    public const string Overhead = "overhead";

    public static (IBatchExecutor Runner, float[][] Rows) Create(string model) => model switch
    {
        Overhead => (new EchoExecutor(), RandomRows(512, 10)),
        Risk => (Runner(RiskModelTrainer.TrainOnCorpus().ToOnnx()), DisputeCorpus.Default.Take(512).Select(DisputeFeatures.Extract).ToArray()),
        Embedding => (Runner(EmbeddingStandIn()), RandomRows(512, 384)),
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, "Unknown benchmark model."),
    };

    private sealed class EchoExecutor : IBatchExecutor
    {
        public int InputWidth => 10;

        public BatchOutput Execute(float[] input, int rows) => new((float[])input.Clone(), 10);
    }

    /// <summary>384 → 512 → 384 (MiniLM-sized input and output), random weights.</summary>
    private static byte[] EmbeddingStandIn()
    {
        var random = new Random(11);
        return OnnxModelFactory.Mlp([Layer(random, 384, 512), Layer(random, 512, 384)], softmax: false);
    }

    private static OnnxModelRunner Runner(byte[] model) => new(model, new ExecutionProviderSelector(preferCuda: true, cudaDeviceId: 0));

    private static DenseLayer Layer(Random random, int inputs, int outputs) => new(
        inputs,
        outputs,
        Enumerable.Range(0, inputs * outputs).Select(_ => (float)(random.NextDouble() - 0.5) / MathF.Sqrt(inputs)).ToArray(),
        new float[outputs]);

    private static float[][] RandomRows(int count, int width)
    {
        var random = new Random(12);
        return Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, width).Select(_ => (float)random.NextDouble()).ToArray()).ToArray();
    }
}
