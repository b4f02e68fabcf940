using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Retrieval.Collections;
using Designer.Web.Api;

namespace Designer.Web.Collections;

/// <summary>Reads collection request bodies by hand, listing every problem rather than throwing.</summary>
internal static class CollectionRequests
{
    private const string NdJson = "application/x-ndjson";

    public static async Task<(CreateCollection? Request, IResult? Error)> ReadCreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (json, bad) = await ReadObjectAsync(request, required: true, cancellationToken);
        if (bad is not null)
        {
            return (null, bad);
        }

        var problems = new List<CollectionProblem>();
        var name = String(json!, "name", problems);
        if (name is null && !problems.Exists(p => p.Field == "name"))
        {
            problems.Add(new("name", "Required."));
        }

        var create = new CreateCollection(
            name ?? string.Empty,
            String(json!, "description", problems),
            String(json!, "embeddingModel", problems),
            Integer(json!, "embeddingVersion", problems),
            String(json!, "backend", problems),
            Integer(json!, "chunkSize", problems),
            Integer(json!, "chunkOverlap", problems),
            Number(json!, "hybridDenseWeight", problems));
        return problems.Count > 0 ? (null, Invalid("The collection is invalid.", problems)) : (create, null);
    }

    /// <summary><c>{"model": string?, "version": int?}</c>; an empty or absent body re-embeds with the newest version of the collection's model.</summary>
    public static async Task<(string? Model, int? Version, IResult? Error)> ReadReembedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (json, bad) = await ReadObjectAsync(request, required: false, cancellationToken);
        if (bad is not null || json is null)
        {
            return (null, null, bad);
        }

        var problems = new List<CollectionProblem>();
        var model = String(json, "model", problems);
        var version = Integer(json, "version", problems);
        return problems.Count > 0 ? (null, null, Invalid("The request is invalid.", problems)) : (model, version, null);
    }

    /// <summary><c>{"hybridDenseWeight": number | null}</c>: the property is required, <c>null</c> clears the collection's weight.</summary>
    public static async Task<(double? Weight, IResult? Error)> ReadSettingsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (json, bad) = await ReadObjectAsync(request, required: true, cancellationToken);
        if (bad is not null)
        {
            return (null, bad);
        }

        var problems = new List<CollectionProblem>();
        if (!json!.ContainsKey("hybridDenseWeight"))
        {
            problems.Add(new("hybridDenseWeight", "Required (a number from 0 to 1, or null for the model's default)."));
        }

        foreach (var unknown in json.Select(p => p.Key).Where(k => k != "hybridDenseWeight"))
        {
            problems.Add(new(unknown, "Unknown setting; only hybridDenseWeight can change."));
        }

        var weight = Number(json, "hybridDenseWeight", problems);
        return problems.Count > 0 ? (null, Invalid("The settings are invalid.", problems)) : (weight, null);
    }

    /// <summary>
    /// A JSON body (<c>{"documents":[…]}</c> or a bare array) or, with content type <c>application/x-ndjson</c>, one
    /// document object per line. A document is <c>{"id": string, "text": string, "metadata": object?}</c>.
    /// </summary>
    public static async Task<(IReadOnlyList<DocumentInput>? Documents, IResult? Error)> ReadDocumentsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return (null, ApiResults.TooLarge());
        }

        var problems = new List<CollectionProblem>();
        var items = new List<(JsonNode? Node, string Path)>();
        if (request.ContentType?.StartsWith(NdJson, StringComparison.OrdinalIgnoreCase) == true)
        {
            var lines = body.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(lines[i]))
                {
                    continue;
                }

                var path = $"line {i + 1}";
                if (TryParse(lines[i], out var node, out var error))
                {
                    items.Add((node, path));
                }
                else
                {
                    problems.Add(new(path, error!));
                }
            }
        }
        else if (!TryParse(body, out var root, out var error))
        {
            problems.Add(new("body", error!));
        }
        else if ((root as JsonArray ?? (root as JsonObject)?["documents"] as JsonArray) is { } array)
        {
            items.AddRange(array.Select((n, i) => (n, $"documents[{i}]")));
        }
        else
        {
            problems.Add(new("body", "Expected {\"documents\": [...]}, a JSON array, or application/x-ndjson lines."));
        }

        var documents = new List<DocumentInput>(items.Count);
        foreach (var (node, path) in items)
        {
            if (node is not JsonObject document)
            {
                problems.Add(new(path, "A document is {\"id\": string, \"text\": string, \"metadata\": object}."));
                continue;
            }

            var local = new List<CollectionProblem>();
            var id = String(document, "id", local) ?? string.Empty;
            var text = String(document, "text", local) ?? string.Empty;
            var metadata = document["metadata"];
            if (metadata is not null and not JsonObject)
            {
                local.Add(new("metadata", "Must be a JSON object."));
            }

            problems.AddRange(local.Select(p => p with { Field = $"{path}.{p.Field}" }));
            documents.Add(new DocumentInput(id, text, (metadata as JsonObject)?.DeepClone().AsObject()));
        }

        if (problems.Count == 0)
        {
            // Semantic checks (required, unique, lengths, reserved keys) with request positions.
            problems.AddRange(CollectionService.ValidateDocuments(documents).Select(p => Relabel(p, items)));
        }

        return problems.Count > 0 ? (null, Invalid("Some documents are invalid; nothing was stored.", problems)) : (documents, null);
    }

    private static CollectionProblem Relabel(CollectionProblem problem, List<(JsonNode? Node, string Path)> items)
    {
        // The service numbers documents[i]; for JSON lines say which line.
        if (!problem.Field.StartsWith("documents[", StringComparison.Ordinal))
        {
            return problem;
        }

        var end = problem.Field.IndexOf(']', StringComparison.Ordinal);
        var index = int.Parse(problem.Field[10..end], System.Globalization.CultureInfo.InvariantCulture);
        return problem with { Field = items[index].Path + problem.Field[(end + 1)..] };
    }

    private static async Task<(JsonObject? Json, IResult? Error)> ReadObjectAsync(HttpRequest request, bool required, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return (null, ApiResults.TooLarge());
        }

        if (!required && string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        return ApiJson.TryParseObject(body, out var json, out var error) ? (json, null) : (null, ApiResults.BadRequest(error!));
    }

    private static bool TryParse(string text, out JsonNode? node, out string? error)
    {
        try
        {
            node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
            error = node is null ? "null is not a document." : null;
            return node is not null;
        }
        catch (JsonException ex)
        {
            node = null;
            error = $"Not valid JSON: {ex.Message}";
            return false;
        }
    }

    private static string? String(JsonObject json, string name, List<CollectionProblem> problems)
    {
        switch (json[name])
        {
            case null:
                return null;
            case JsonValue value when value.TryGetValue<string>(out var text):
                return text;
            default:
                problems.Add(new(name, "Must be a string."));
                return null;
        }
    }

    private static int? Integer(JsonObject json, string name, List<CollectionProblem> problems)
    {
        switch (json[name])
        {
            case null:
                return null;
            case JsonValue value when value.TryGetValue<int>(out var number):
                return number;
            default:
                problems.Add(new(name, "Must be an integer."));
                return null;
        }
    }

    private static double? Number(JsonObject json, string name, List<CollectionProblem> problems)
    {
        switch (json[name])
        {
            case null:
                return null;
            case JsonValue value when value.TryGetValue<double>(out var number) && double.IsFinite(number):
                return number;
            default:
                problems.Add(new(name, "Must be a number."));
                return null;
        }
    }

    private static IResult Invalid(string detail, List<CollectionProblem> problems) => CollectionApi.Problem(CollectionError.Invalid(detail, problems));
}
