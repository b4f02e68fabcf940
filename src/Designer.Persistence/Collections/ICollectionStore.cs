namespace Designer.Persistence;

/// <summary>Stores retrieval collections, their source documents and their background jobs.</summary>
public interface ICollectionStore
{
    /// <summary>Creates a collection with its <c>collection.created</c> audit entry; <see langword="null"/> when the name is taken.</summary>
    /// <param name="actor">Who created it.</param>
    Task<CollectionRecord?> CreateAsync(NewCollection collection, Actor actor, CancellationToken cancellationToken);

    /// <summary>Returns a collection by name.</summary>
    Task<CollectionRecord?> GetAsync(string name, CancellationToken cancellationToken);

    /// <summary>Returns a collection by id.</summary>
    Task<CollectionRecord?> GetByIdAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Lists every collection by name.</summary>
    Task<IReadOnlyList<CollectionRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Deletes a collection with its documents and jobs and writes <c>collection.deleted</c>; returns whether it existed.</summary>
    /// <param name="actor">Who deleted it.</param>
    Task<bool> DeleteAsync(Guid id, Actor actor, CancellationToken cancellationToken);

    /// <summary>Stores (adds or replaces) documents and queues one ingestion job for them, with its audit entry, in one transaction.</summary>
    /// <param name="documents">The documents (distinct ids).</param>
    /// <param name="actor">Who queued it.</param>
    Task<CollectionJobRecord> AddDocumentsAsync(Guid collectionId, IReadOnlyList<NewCollectionDocument> documents, Actor actor, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the collection as re-embedding into <paramref name="indexName"/> with model version
    /// <paramref name="version"/> and queues the job; <see langword="null"/> when a re-embedding is already pending.
    /// </summary>
    /// <param name="model">Target model (the collection's own for a newer version, another to change the model).</param>
    /// <param name="version">Target model version.</param>
    /// <param name="dimensions">Its embedding length.</param>
    /// <param name="indexName">The new physical index.</param>
    /// <param name="actor">Who queued it (audited with the job).</param>
    Task<CollectionJobRecord?> StartReembedAsync(Guid collectionId, string model, int version, int dimensions, string indexName, Actor actor, CancellationToken cancellationToken);

    /// <summary>Sets (or with <see langword="null"/> clears) the collection's dense weight of hybrid search.</summary>
    /// <param name="weight">A weight in [0, 1], or <see langword="null"/> for the default.</param>
    /// <param name="actor">Who changed it (audited with the change).</param>
    /// <returns>The updated collection, or <see langword="null"/> when it does not exist.</returns>
    Task<CollectionRecord?> SetHybridDenseWeightAsync(Guid collectionId, double? weight, Actor actor, CancellationToken cancellationToken);

    /// <summary>Switches queries to the pending index, model and version; returns the index no longer used.</summary>
    Task<string?> CompleteReembedAsync(Guid collectionId, CancellationToken cancellationToken);

    /// <summary>Abandons a pending re-embedding; returns the pending index to drop.</summary>
    Task<string?> AbandonReembedAsync(Guid collectionId, CancellationToken cancellationToken);

    /// <summary>Returns a job.</summary>
    Task<CollectionJobRecord?> GetJobAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Lists a collection's jobs, newest first.</summary>
    /// <param name="take">At most this many.</param>
    Task<IReadOnlyList<CollectionJobRecord>> ListJobsAsync(Guid collectionId, int take, CancellationToken cancellationToken);

    /// <summary>Returns the oldest queued or running job, or <see langword="null"/>.</summary>
    Task<CollectionJobRecord?> NextUnfinishedJobAsync(CancellationToken cancellationToken);

    /// <summary>Marks a job running from now (a resumed job counts its rate from here), with its progress so far.</summary>
    /// <param name="total">Documents to process.</param>
    /// <param name="done">Documents processed.</param>
    Task StartJobAsync(Guid id, int total, int done, CancellationToken cancellationToken);

    /// <summary>Records progress; returns whether a cancel was requested.</summary>
    /// <param name="id">The job id.</param>
    /// <param name="done">Documents processed.</param>
    /// <param name="cursor">Resume point (re-embedding).</param>
    Task<bool> ReportProgressAsync(Guid id, int done, string? cursor, CancellationToken cancellationToken);

    /// <summary>Ends a job.</summary>
    /// <param name="status">A terminal status.</param>
    /// <param name="error">Why it failed.</param>
    Task FinishJobAsync(Guid id, CollectionJobStatus status, string? error, CancellationToken cancellationToken);

    /// <summary>Asks a queued or running job to stop; returns the job, or <see langword="null"/> when unknown.</summary>
    /// <param name="id">The job id.</param>
    Task<CollectionJobRecord?> RequestCancelAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The next documents an ingestion job still has to index, by id.</summary>
    /// <param name="take">At most this many.</param>
    Task<IReadOnlyList<CollectionDocumentRecord>> PendingDocumentsAsync(Guid jobId, int take, CancellationToken cancellationToken);

    /// <summary>Counts the documents an ingestion job still has to index.</summary>
    Task<int> CountPendingAsync(Guid jobId, CancellationToken cancellationToken);

    /// <summary>Marks documents indexed with their chunk counts.</summary>
    /// <param name="chunkCounts">Document id → chunk count.</param>
    Task MarkIndexedAsync(Guid collectionId, IReadOnlyDictionary<string, int> chunkCounts, CancellationToken cancellationToken);

    /// <summary>A page of a collection's documents with ids after <paramref name="after"/>, by id.</summary>
    /// <param name="after">Exclusive lower bound, or <see langword="null"/> to start.</param>
    /// <param name="take">At most this many.</param>
    Task<IReadOnlyList<CollectionDocumentRecord>> DocumentsAfterAsync(Guid collectionId, string? after, int take, CancellationToken cancellationToken);

    /// <summary>Counts a collection's documents (with ids after <paramref name="after"/> when given).</summary>
    /// <param name="after">Exclusive lower bound, or <see langword="null"/>.</param>
    Task<int> CountDocumentsAsync(Guid collectionId, string? after, CancellationToken cancellationToken);
}
