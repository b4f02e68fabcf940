namespace Designer.Retrieval.Indexes;

/// <summary>How a search ranks records.</summary>
public enum SearchMode
{
    /// <summary>Nearest neighbours of <see cref="SearchRequest.Vector"/> by cosine similarity.</summary>
    Dense,

    /// <summary>Keyword relevance of <see cref="SearchRequest.QueryText"/> (BM25 in Lucene).</summary>
    Lexical,

    /// <summary>Fusion (<see cref="SearchRequest.Fusion"/>) of the dense and the lexical result lists; needs both inputs.</summary>
    Hybrid,
}
