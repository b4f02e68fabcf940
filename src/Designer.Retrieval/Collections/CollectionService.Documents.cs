using System.Text.Json.Nodes;
using Designer.Hosting;
using Designer.Inference.Registry;
using Designer.Persistence;
using Designer.Retrieval.Indexes;

namespace Designer.Retrieval.Collections;

/// <summary>Adding documents and searching.</summary>
public sealed partial class CollectionService
{
    /// <summary>Stores documents and queues their ingestion (chunk, embed, index) as one background job.</summary>
    /// <param name="documents">The documents; ids must be distinct.</param>
    /// <param name="actor">Who adds them.</param>
    /// <returns>The queued job, or every problem with the documents.</returns>
    public async Task<OperationResult<CollectionJobProgress>> AddDocumentsAsync(
        string name, IReadOnlyList<DocumentInput> documents, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (await _store.GetAsync(name, cancellationToken) is not { } collection)
        {
            return Missing(name);
        }

        var problems = ValidateDocuments(documents);
        if (problems.Count > 0)
        {
            return OperationError.Invalid("Some documents are invalid; nothing was stored.", problems);
        }

        var rows = documents.Select(d => new NewCollectionDocument(d.Id, d.Text, (d.Metadata ?? []).ToJsonString())).ToList();
        var job = await _store.AddDocumentsAsync(collection.Id, rows, actor, cancellationToken);
        _queue.Wake();
        return CollectionJobProgress.From(job, name, _time.GetUtcNow());
    }

    /// <summary>Searches a collection, embedding the query with the model version its live index was built with.</summary>
    /// <returns>The hits, best first, or every problem with the query.</returns>
    public async Task<OperationResult<IReadOnlyList<CollectionHit>>> SearchAsync(string name, CollectionQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var problems = new List<OperationProblem>();
        if (string.IsNullOrWhiteSpace(query.Query))
        {
            problems.Add(CollectionProblems.Of("q", "The query text is required."));
        }
        else if (query.Query.Length > 4000)
        {
            problems.Add(CollectionProblems.Of("q", "At most 4,000 characters."));
        }

        if (query.TopK is < 1 or > 100)
        {
            problems.Add(CollectionProblems.Of("k", "Must be between 1 and 100."));
        }

        SearchMode? mode = query.Mode switch
        {
            "dense" => SearchMode.Dense,
            "lexical" => SearchMode.Lexical,
            "hybrid" or "rrf" => SearchMode.Hybrid,
            _ => null,
        };
        if (mode is null)
        {
            problems.Add(CollectionProblems.Of("mode", "Use dense, lexical, hybrid or rrf."));
        }

        if (query.DenseWeight is { } weight && !(weight >= 0 && weight <= 1))
        {
            problems.Add(CollectionProblems.Of("denseWeight", "Must be between 0 and 1."));
        }

        var filterProblems = new List<string>();
        var filter = CollectionFilterJson.Parse(query.Filter, filterProblems);
        problems.AddRange(filterProblems.Select(p => CollectionProblems.Of("filter", p)));
        var collection = await _store.GetAsync(name, cancellationToken);
        if (collection is null)
        {
            return Missing(name);
        }

        if (problems.Count > 0)
        {
            return OperationError.Invalid("The search is invalid.", problems);
        }

        float[]? vector = null;
        double? modelWeight = null;
        if (mode != SearchMode.Lexical)
        {
            try
            {
                var handle = await _catalog.GetAsync(collection.EmbeddingModel, collection.EmbeddingVersion, cancellationToken);
                modelWeight = handle.HybridDenseWeight;
                var embeddings = await handle.QueryGenerator.GenerateAsync([query.Query], cancellationToken: cancellationToken);
                vector = embeddings[0].Vector.ToArray();
            }
            catch (Exception ex) when (ex is KeyNotFoundException or ModelIntegrityException)
            {
                // The model the collection was embedded with is gone or its stored file no longer matches its hash:
                // answering with another model's vectors would be silently wrong.
                return OperationError.Conflict($"'{name}' cannot be searched densely: {ex.Message}");
            }
        }

        // No index yet (a crash between storing the collection and creating it; the first ingestion creates it) or
        // no longer (a re-embedding switched and dropped it after this request read the collection): nothing to find.
        // Never create it here, or a search racing a switch would resurrect the dropped index.
        if (await _backends.Get(collection.Backend).OpenAsync(collection.IndexName, cancellationToken) is not { } index)
        {
            return new List<CollectionHit>();
        }

        var hits = await index.SearchAsync(
            new SearchRequest
            {
                Mode = mode!.Value,
                Vector = vector,
                QueryText = query.Query,
                TopK = query.TopK,
                MinScore = query.MinScore,
                Filter = filter,
                Fusion = query.Mode == "rrf" ? FusionMethod.Rrf : FusionMethod.Weighted,
                DenseWeight = query.DenseWeight ?? collection.HybridDenseWeight ?? modelWeight ?? _options.HybridDenseWeight,
            },
            cancellationToken);
        return hits.Select(ToHit).ToList();
    }

    /// <summary>Checks a batch of documents (count, ids, text, reserved metadata keys); returns every problem, at most 100.</summary>
    /// <returns>The problems, with fields such as <c>documents[3].id</c>.</returns>
    public static List<OperationProblem> ValidateDocuments(IReadOnlyList<DocumentInput> documents)
    {
        var problems = new List<OperationProblem>();
        if (documents.Count == 0)
        {
            problems.Add(CollectionProblems.Of("documents", "At least one document is required."));
        }
        else if (documents.Count > MaxDocumentsPerRequest)
        {
            problems.Add(CollectionProblems.Of("documents", $"At most {MaxDocumentsPerRequest:N0} documents per request."));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count && problems.Count < 100; i++)
        {
            var document = documents[i];
            var path = $"documents[{i}]";
            if (string.IsNullOrWhiteSpace(document.Id) || document.Id.Length > 200)
            {
                problems.Add(CollectionProblems.Of($"{path}.id", "Required, at most 200 characters."));
            }
            else if (!seen.Add(document.Id))
            {
                problems.Add(CollectionProblems.Of($"{path}.id", $"'{document.Id}' appears more than once in this request."));
            }

            if (string.IsNullOrWhiteSpace(document.Text))
            {
                problems.Add(CollectionProblems.Of($"{path}.text", "Required and not blank."));
            }
            else if (document.Text.Length > MaxDocumentLength)
            {
                problems.Add(CollectionProblems.Of($"{path}.text", $"At most {MaxDocumentLength:N0} characters."));
            }

            foreach (var key in ReservedKeys.Where(k => document.Metadata?.ContainsKey(k) == true))
            {
                problems.Add(CollectionProblems.Of($"{path}.metadata.{key}", $"'{key}' is reserved: the collection sets it on every chunk."));
            }
        }

        return problems;
    }

    private static CollectionHit ToHit(SearchHit hit)
    {
        var metadata = hit.Payload;
        var documentId = metadata["documentId"]?.GetValue<string>() ?? hit.Id;
        var chunk = metadata["chunk"] is JsonValue value && value.TryGetValue<int>(out var position) ? position : 0;
        metadata.Remove("documentId");
        metadata.Remove("chunk");
        return new CollectionHit(documentId, chunk, hit.Score, hit.Text, metadata);
    }
}
