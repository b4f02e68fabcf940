namespace Designer.Retrieval.Postgres;

/// <summary>Settings of the PostgreSQL + pgvector backend.</summary>
public sealed record PgVectorOptions
{
    /// <summary>Prefix of every table (one per collection, plus <c>&lt;prefix&gt;_collections</c>); <c>designer_vec_</c> by default.</summary>
    public string TablePrefix { get; init; } = "designer_vec_";

    /// <summary>HNSW <c>m</c> of the pgvector index; 16 by default (pgvector's default).</summary>
    public int HnswM { get; init; } = 16;

    /// <summary>HNSW <c>ef_construction</c>; 64 by default (pgvector's default; building is slower in SQL than in process).</summary>
    public int HnswEfConstruction { get; init; } = 64;

    /// <summary>Default <c>hnsw.ef_search</c> per query; 64 by default.</summary>
    public int EfSearch { get; init; } = 64;
}
