namespace Designer.Retrieval.Indexes;

/// <summary>A top-k query against one collection.</summary>
public sealed record SearchRequest
{
    /// <summary>The ranking mode; <see cref="SearchMode.Dense"/> by default.</summary>
    public SearchMode Mode { get; init; } = SearchMode.Dense;

    /// <summary>The query embedding, required for dense and hybrid search; its length must equal the index dimension.</summary>
    public float[]? Vector { get; init; }

    /// <summary>The query text, required for lexical and hybrid search.</summary>
    public string? QueryText { get; init; }

    /// <summary>How many hits to return at most; 10 by default, must be positive.</summary>
    public int TopK { get; init; } = 10;

    /// <summary>Hits whose <see cref="SearchHit.Score"/> is below this are dropped (the score scale depends on the mode).</summary>
    public double? MinScore { get; init; }

    /// <summary>Only records whose payload satisfies this filter are returned.</summary>
    public PayloadFilter? Filter { get; init; }

    /// <summary>How <see cref="SearchMode.Hybrid"/> fuses; <see cref="FusionMethod.Rrf"/> by default at this level.</summary>
    public FusionMethod Fusion { get; init; } = FusionMethod.Rrf;

    /// <summary>The dense weight w in [0, 1] of <see cref="FusionMethod.Weighted"/>; <see cref="WeightedScoreFusion.DefaultDenseWeight"/> by default.</summary>
    public double DenseWeight { get; init; } = WeightedScoreFusion.DefaultDenseWeight;

    /// <summary>Overrides the approximate index's search breadth (HNSW <c>efSearch</c> / pgvector <c>hnsw.ef_search</c>) for this query.</summary>
    public int? EfSearch { get; init; }
}
