using BenchmarkDotNet.Attributes;
using Designer.Retrieval.Embedded;
using Designer.Retrieval.Indexes;

namespace Designer.Retrieval.Benchmarks;

/// <summary>The hot search loop: one top-10 query, HNSW (baseline: exact brute force) over 20k clustered 384-d vectors.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class SearchBenchmarks
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "designer-retrieval-bdn", Guid.NewGuid().ToString("N"));
    private EmbeddedVectorIndex? _index;
    private float[][] _queries = [];
    private int _next;

    [Params(64)]
    public int EfSearch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = new ClusteredData();
        _index = EmbeddedVectorIndex.Open(_folder, "bdn", data.Dimension, new EmbeddedIndexOptions { ExactSearchThreshold = 0, SnapshotOnDispose = false });
        _index.UpsertAsync([.. data.Generate(20_000).Select((v, i) => new VectorRecord($"v{i}", v))]).GetAwaiter().GetResult();
        _queries = data.Generate(256, stream: 1);
    }

    [Benchmark(Baseline = true)]
    public int Exact() => _index!.ExactSearchIds(_queries[_next++ & 255], 10).Count;

    [Benchmark]
    public int Hnsw() => _index!.SearchAsync(new SearchRequest { Vector = _queries[_next++ & 255], TopK = 10, EfSearch = EfSearch }).GetAwaiter().GetResult().Count;

    [GlobalCleanup]
    public void Cleanup()
    {
        _index?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
