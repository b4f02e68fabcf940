using BenchmarkDotNet.Attributes;
using Designer.Inference.Corpus;
using Designer.Retrieval.Embeddings;
using Microsoft.Extensions.AI;

namespace Designer.Retrieval.Benchmarks;

/// <summary>
/// Embeddings per second of the default (LSA) model through ONNX Runtime and the dynamic batcher, uncached:
/// 64 dispute narratives embedded one call per text (baseline) vs. one call for all 64. Times are per text.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class EmbeddingBenchmarks
{
    private const int Texts = 64;
    private EmbeddingModelSetup? _setup;
    private IEmbeddingGenerator<string, Embedding<float>>? _generator;
    private string[] _texts = [];

    [GlobalSetup]
    public void Setup()
    {
        _setup = EmbeddingModelSetup.Create();
        var handle = _setup.TrainDefaultAsync(CancellationToken.None).GetAwaiter().GetResult();

        // Past the cache: every call reaches the model.
        _generator = handle.Generator.GetService<TermProjectionEmbeddingGenerator>()!;
        _texts = DisputeCorpus.Default.Take(Texts).Select(d => d.Narrative).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Texts)]
    public async Task<int> OneTextPerCall()
    {
        var total = 0;
        foreach (var text in _texts)
        {
            total += (await _generator!.GenerateAsync([text])).Count;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Texts)]
    public async Task<int> AllTextsInOneCall() => (await _generator!.GenerateAsync(_texts)).Count;

    [GlobalCleanup]
    public void Cleanup() => _setup?.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
