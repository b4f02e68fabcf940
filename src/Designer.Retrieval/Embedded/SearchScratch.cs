namespace Designer.Retrieval.Embedded;

/// <summary>Per-thread scratch space for one search: the visited marks and both heaps.</summary>
internal sealed class SearchScratch
{
    [ThreadStatic]
    private static SearchScratch? _current;

    public NodeHeap Candidates { get; } = new();

    public NodeHeap Results { get; } = new();

    public static SearchScratch Rent()
    {
        var scratch = _current ??= new SearchScratch();
        scratch.Candidates.Clear();
        scratch.Results.Clear();
        return scratch;
    }
}
