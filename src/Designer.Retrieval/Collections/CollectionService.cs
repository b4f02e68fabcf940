using System.Text.RegularExpressions;
using Designer.Hosting;
using Designer.Inference.Registry;
using Designer.Persistence;
using Designer.Retrieval.Embeddings;
using Microsoft.Extensions.Options;

namespace Designer.Retrieval.Collections;

/// <summary>
/// Creates, lists, deletes and searches collections, and queues their ingestion and re-embedding jobs. Collections
/// live in the database (<see cref="ICollectionStore"/>); their chunks live in the index backend each collection
/// names, embedded by the model version the collection records.
/// </summary>
public sealed partial class CollectionService
{
    /// <summary>Documents accepted per request.</summary>
    public const int MaxDocumentsPerRequest = 10_000;

    /// <summary>Characters accepted per document.</summary>
    public const int MaxDocumentLength = 200_000;

    /// <summary>Payload keys the collection writes itself; metadata may not use them.</summary>
    public static readonly IReadOnlyList<string> ReservedKeys = ["documentId", "chunk"];

    private readonly ICollectionStore _store;
    private readonly IEmbeddingModelCatalog _catalog;
    private readonly VectorIndexBackends _backends;
    private readonly CollectionJobQueue _queue;
    private readonly RetrievalOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    /// <param name="store">Collection storage.</param>
    /// <param name="queue">Wakes the job worker.</param>
    public CollectionService(
        ICollectionStore store, IEmbeddingModelCatalog catalog, VectorIndexBackends backends, CollectionJobQueue queue,
        IOptions<RetrievalOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _catalog = catalog;
        _backends = backends;
        _queue = queue;
        _options = options.Value;
        _time = time;
    }

    /// <summary>The index backends available here.</summary>
    public IReadOnlyList<string> Backends => _backends.Available;

    /// <summary>Lists every collection.</summary>
    /// <returns>The collections by name.</returns>
    public Task<IReadOnlyList<CollectionRecord>> ListAsync(CancellationToken cancellationToken) => _store.ListAsync(cancellationToken);

    /// <summary>Returns one collection.</summary>
    /// <returns>The collection or a 404 error.</returns>
    public async Task<OperationResult<CollectionRecord>> GetAsync(string name, CancellationToken cancellationToken) =>
        await _store.GetAsync(name, cancellationToken) is { } collection ? collection : Missing(name);

    /// <summary>Creates a collection and its (empty) index.</summary>
    /// <param name="request">What to create.</param>
    /// <param name="actor">Who creates it.</param>
    /// <returns>The collection, or every problem with the request.</returns>
    public async Task<OperationResult<CollectionRecord>> CreateAsync(CreateCollection request, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<OperationProblem>();
        if (request.Name is null || !NamePattern().IsMatch(request.Name))
        {
            problems.Add(CollectionProblems.Of("name", "Use 1-64 lower-case letters, digits, '-' or '_', starting with a letter or digit."));
        }

        if (request.Description is { Length: > 2000 })
        {
            problems.Add(CollectionProblems.Of("description", "At most 2,000 characters."));
        }

        var backend = request.Backend ?? _backends.Default;
        if (!_backends.Available.Contains(backend))
        {
            problems.Add(CollectionProblems.Of("backend", $"'{backend}' is not available here; use one of: {string.Join(", ", _backends.Available)}."));
        }

        var size = request.ChunkSize ?? _options.DefaultChunkSize;
        var overlap = request.ChunkOverlap ?? Math.Min(_options.DefaultChunkOverlap, (size / 2) - 1);
        if (size is < 64 or > 8000)
        {
            problems.Add(CollectionProblems.Of("chunkSize", "Must be between 64 and 8,000 characters."));
        }

        if (overlap < 0 || overlap >= size / 2)
        {
            problems.Add(CollectionProblems.Of("chunkOverlap", "Must be at least 0 and less than half the chunk size."));
        }

        if (request.HybridDenseWeight is { } weight && !(weight is >= 0 and <= 1))
        {
            problems.Add(CollectionProblems.Of("hybridDenseWeight", "Must be between 0 and 1."));
        }

        if (request.EmbeddingVersion is < 1)
        {
            problems.Add(CollectionProblems.Of("embeddingVersion", "Must be 1 or more."));
        }

        var model = string.IsNullOrWhiteSpace(request.EmbeddingModel) ? _catalog.DefaultModel : request.EmbeddingModel;
        EmbeddingModelHandle? handle = null;
        if (request.EmbeddingVersion is null or >= 1)
        {
            try
            {
                handle = await _catalog.GetAsync(model, request.EmbeddingVersion, cancellationToken);
            }
            catch (Exception ex) when (ex is KeyNotFoundException or ModelIntegrityException)
            {
                problems.Add(CollectionProblems.Of(request.EmbeddingVersion is null ? "embeddingModel" : "embeddingVersion", ex.Message));
            }
        }

        if (problems.Count > 0 || handle is null)
        {
            return OperationError.Invalid("The collection cannot be created as requested.", problems);
        }

        var indexName = NewIndexName();
        var created = await _store.CreateAsync(
            new NewCollection(request.Name!, request.Description, handle.Model, handle.Version, handle.Dimensions, backend, indexName, size, overlap, request.HybridDenseWeight),
            actor,
            cancellationToken);
        if (created is null)
        {
            return OperationError.Conflict($"A collection named '{request.Name}' already exists.");
        }

        await _backends.Get(backend).CreateAsync(indexName, handle.Dimensions, cancellationToken: cancellationToken);
        return created;
    }

    /// <summary>Deletes a collection, its documents, its jobs and its indexes.</summary>
    /// <param name="actor">Who deletes it (audited with the deletion).</param>
    /// <returns>True, or a 404 error.</returns>
    public async Task<OperationResult<bool>> DeleteAsync(string name, Actor actor, CancellationToken cancellationToken)
    {
        if (await _store.GetAsync(name, cancellationToken) is not { } collection)
        {
            return Missing(name);
        }

        foreach (var job in await _store.ListJobsAsync(collection.Id, 1000, cancellationToken))
        {
            _queue.CancelRunning(job.Id);
        }

        await _store.DeleteAsync(collection.Id, actor, cancellationToken);
        var provider = _backends.Get(collection.Backend);
        await provider.DropAsync(collection.IndexName, cancellationToken);
        if (collection.PendingIndexName is { } pending)
        {
            await provider.DropAsync(pending, cancellationToken);
        }

        return true;
    }

    /// <summary>Queues re-embedding with another version of the collection's model (the newest when absent).</summary>
    /// <param name="version">Target version, or <see langword="null"/> for the newest.</param>
    /// <param name="actor">Who asked.</param>
    /// <returns>The job, or an error (409 when one is running or the version is the current one).</returns>
    public Task<OperationResult<CollectionJobProgress>> ReembedAsync(string name, int? version, Actor actor, CancellationToken cancellationToken) =>
        ReembedAsync(name, null, version, actor, cancellationToken);

    /// <summary>
    /// Queues re-embedding with <paramref name="model"/> (another model, e.g. LSA → MiniLM) or another version of the
    /// collection's own model. The new vectors fill a fresh index beside the live one; queries switch to it, the model
    /// and the version in one row update when every document is in (<see cref="ICollectionStore.CompleteReembedAsync"/>).
    /// </summary>
    /// <param name="model">Target model, or <see langword="null"/> for the collection's own.</param>
    /// <param name="version">Target version, or <see langword="null"/> for the newest usable one.</param>
    /// <param name="actor">Who asked.</param>
    /// <returns>The job, or an error (400 unknown model/version, 409 when one is running or nothing would change).</returns>
    public async Task<OperationResult<CollectionJobProgress>> ReembedAsync(string name, string? model, int? version, Actor actor, CancellationToken cancellationToken)
    {
        var problems = new List<OperationProblem>();
        if (model is not null && string.IsNullOrWhiteSpace(model))
        {
            problems.Add(CollectionProblems.Of("model", "Name a model, or leave it out to keep the collection's model."));
        }

        if (version is < 1)
        {
            problems.Add(CollectionProblems.Of("version", "Must be 1 or more."));
        }

        if (await _store.GetAsync(name, cancellationToken) is not { } collection)
        {
            return Missing(name);
        }

        if (problems.Count > 0)
        {
            return OperationError.Invalid("The re-embedding is invalid.", problems);
        }

        var target = model ?? collection.EmbeddingModel;
        EmbeddingModelHandle handle;
        try
        {
            handle = await _catalog.GetAsync(target, version, cancellationToken);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or ModelIntegrityException)
        {
            var field = model is not null && model != collection.EmbeddingModel && version is null ? "model" : "version";
            return OperationError.Invalid(field == "model" ? "Unknown model." : "Unknown model version.", [CollectionProblems.Of(field, ex.Message)]);
        }

        if (handle.Model == collection.EmbeddingModel && handle.Version == collection.EmbeddingVersion)
        {
            // Nothing would change: the state of the collection, not the shape of the request, refuses it (409 as before).
            return new OperationError(
                OperationErrorKind.Conflict,
                $"'{name}' is already embedded with {handle.Model} v{handle.Version}.",
                [CollectionProblems.Of(model is null || version is not null ? "version" : "model", $"Choose another model or version than the current {handle.Model} v{handle.Version}.")]);
        }

        var indexName = NewIndexName();
        await _backends.Get(collection.Backend).CreateAsync(indexName, handle.Dimensions, cancellationToken: cancellationToken);
        var job = await _store.StartReembedAsync(collection.Id, handle.Model, handle.Version, handle.Dimensions, indexName, actor, cancellationToken);
        if (job is null)
        {
            await _backends.Get(collection.Backend).DropAsync(indexName, cancellationToken);
            return OperationError.Conflict($"'{name}' is already being re-embedded.");
        }

        _queue.Wake();
        return CollectionJobProgress.From(job, name, _time.GetUtcNow());
    }

    /// <summary>Sets or clears (<see langword="null"/>) the collection's dense weight of hybrid search.</summary>
    /// <param name="weight">A weight in [0, 1], or <see langword="null"/> for the model's default.</param>
    /// <param name="actor">Who changes it (audited with the change).</param>
    /// <returns>The collection, or an error (400 out of range, 404).</returns>
    public async Task<OperationResult<CollectionRecord>> SetHybridDenseWeightAsync(string name, double? weight, Actor actor, CancellationToken cancellationToken)
    {
        if (await _store.GetAsync(name, cancellationToken) is not { } collection)
        {
            return Missing(name);
        }

        if (weight is { } w && !(w is >= 0 and <= 1))
        {
            return OperationError.Invalid("The weight is invalid.", [CollectionProblems.Of("hybridDenseWeight", "Must be between 0 and 1.")]);
        }

        return await _store.SetHybridDenseWeightAsync(collection.Id, weight, actor, cancellationToken) is { } updated ? updated : Missing(name);
    }

    /// <summary>Queues re-embedding with <paramref name="version"/> for every collection of <paramref name="model"/> on another version.</summary>
    /// <param name="model">The model name.</param>
    /// <param name="actor">Who asked.</param>
    /// <returns>The queued jobs (collections already re-embedding are left alone).</returns>
    public async Task<IReadOnlyList<CollectionJobProgress>> ReembedAllAsync(string model, int version, Actor actor, CancellationToken cancellationToken)
    {
        var jobs = new List<CollectionJobProgress>();
        foreach (var collection in await _store.ListAsync(cancellationToken))
        {
            if (collection.EmbeddingModel == model && collection.EmbeddingVersion != version && collection.PendingIndexName is null
                && await ReembedAsync(collection.Name, version, actor, cancellationToken) is { IsSuccess: true } queued)
            {
                jobs.Add(queued.Value!);
            }
        }

        return jobs;
    }

    /// <summary>Returns a job of a collection with its rate and ETA.</summary>
    /// <returns>The progress, or a 404 error.</returns>
    public async Task<OperationResult<CollectionJobProgress>> GetJobAsync(string name, Guid jobId, CancellationToken cancellationToken)
    {
        var collection = await _store.GetAsync(name, cancellationToken);
        var job = collection is null ? null : await _store.GetJobAsync(jobId, cancellationToken);
        return job is not null && job.CollectionId == collection!.Id
            ? CollectionJobProgress.From(job, name, _time.GetUtcNow())
            : OperationError.NotFound($"Collection '{name}' has no job {jobId}.");
    }

    /// <summary>Lists a collection's latest jobs, newest first.</summary>
    /// <returns>The jobs, or a 404 error.</returns>
    public async Task<OperationResult<IReadOnlyList<CollectionJobProgress>>> ListJobsAsync(string name, CancellationToken cancellationToken)
    {
        if (await _store.GetAsync(name, cancellationToken) is not { } collection)
        {
            return Missing(name);
        }

        var now = _time.GetUtcNow();
        var jobs = await _store.ListJobsAsync(collection.Id, 20, cancellationToken);
        return jobs.Select(j => CollectionJobProgress.From(j, name, now)).ToList();
    }

    /// <summary>Cancels a queued job at once, or a running one at its next step.</summary>
    /// <returns>The job, or an error (409 once it has ended).</returns>
    public async Task<OperationResult<CollectionJobProgress>> CancelJobAsync(string name, Guid jobId, CancellationToken cancellationToken)
    {
        var current = await GetJobAsync(name, jobId, cancellationToken);
        if (!current.IsSuccess)
        {
            return current;
        }

        if (current.Value!.Job.IsTerminal)
        {
            return OperationError.Conflict($"Job {jobId} has already ended ({current.Value.Job.Status}).");
        }

        var job = await _store.RequestCancelAsync(jobId, cancellationToken);
        _queue.CancelRunning(jobId);
        if (job is { Kind: CollectionJobKind.Reembed, Status: CollectionJobStatus.Cancelled }
            && await _store.AbandonReembedAsync(job.CollectionId, cancellationToken) is { } pending
            && await _store.GetAsync(name, cancellationToken) is { } collection)
        {
            await _backends.Get(collection.Backend).DropAsync(pending, cancellationToken);
        }

        return CollectionJobProgress.From(job ?? current.Value.Job, name, _time.GetUtcNow());
    }

    private static OperationError Missing(string name) => OperationError.NotFound($"Collection '{name}' does not exist.");

    /// <summary>Physical index names are random, so a re-embedding fills a fresh index beside the live one.</summary>
    private static string NewIndexName() => "c_" + Guid.NewGuid().ToString("N");

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
