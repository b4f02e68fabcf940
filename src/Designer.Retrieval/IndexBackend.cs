namespace Designer.Retrieval;

/// <summary>Which store holds the vector indexes.</summary>
public enum IndexBackend
{
    /// <summary>In-process HNSW + Lucene, persisted under the data directory (the default; needs no server).</summary>
    Embedded,

    /// <summary>PostgreSQL with the pgvector extension.</summary>
    PgVector,

    /// <summary>Qdrant through the official client over gRPC (never run against a live server here).</summary>
    Qdrant,
}
