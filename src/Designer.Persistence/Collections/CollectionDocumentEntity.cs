namespace Designer.Persistence;

/// <summary>EF Core row for one source document of a collection (the text chunks are rebuilt from it on re-embedding).</summary>
public sealed class CollectionDocumentEntity
{
    /// <summary>Collection this document belongs to.</summary>
    public Guid CollectionId { get; set; }

    /// <summary>The caller's document id, unique within the collection.</summary>
    public string DocumentId { get; set; } = string.Empty;

    /// <summary>The whole text as ingested; its chunks are cut from it and re-cut when the collection is reindexed.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>Metadata JSON object, copied into every chunk's payload.</summary>
    public string MetadataJson { get; set; } = "{}";

    /// <summary>Chunks in the live index, 0 until indexed.</summary>
    public int ChunkCount { get; set; }

    /// <summary>The ingestion job that still has to index this document, or <see langword="null"/> once indexed.</summary>
    public Guid? PendingJobId { get; set; }

    /// <summary>Last change (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
