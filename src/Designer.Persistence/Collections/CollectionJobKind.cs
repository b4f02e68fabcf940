namespace Designer.Persistence;

/// <summary>What a collection job does.</summary>
public enum CollectionJobKind
{
    /// <summary>Chunk, embed and index newly added documents.</summary>
    Ingest,

    /// <summary>Rebuild the index with a new embedding model version, then switch queries to it.</summary>
    Reembed,
}
