using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Retrieval.Collections;
using Designer.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Designer.Web.Collections;

/// <summary>
/// Reads the document upload, the one collection body that is not a single JSON object: <c>{"documents":[…]}</c>, a
/// bare array, or (<c>application/x-ndjson</c>) one document per line. Each document binds to
/// <see cref="DocumentRequest"/>; every problem is listed with its position and nothing is stored when there is one.
/// </summary>
internal static class CollectionRequests
{
    private const string NdJson = "application/x-ndjson";
    private const string Invalid = "Some documents are invalid; nothing was stored.";

    public static async Task<(IReadOnlyList<DocumentInput>? Documents, ProblemHttpResult? Error)> ReadDocumentsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return (null, ApiResults.TooLarge());
        }

        var problems = new List<OperationProblem>();
        var items = Split(body, request.ContentType?.StartsWith(NdJson, StringComparison.OrdinalIgnoreCase) == true, problems);
        var documents = new List<DocumentInput>(items.Count);
        foreach (var (node, path) in items)
        {
            if (node is not JsonObject json)
            {
                problems.Add(CollectionProblems.Of(path, "A document is {\"id\": string, \"text\": string, \"metadata\": object}."));
                continue;
            }

            var local = new List<OperationProblem>();
            var document = ApiJson.Bind<DocumentRequest>(json, "collection", local);
            problems.AddRange(local.Select(p => CollectionProblems.Of(p.Field is null ? path : $"{path}.{p.Field}", p.Message)));
            documents.Add(document?.ToInput() ?? new DocumentInput(string.Empty, string.Empty, null));
        }

        if (problems.Count == 0)
        {
            // Semantic checks (required, unique, lengths, reserved keys) with request positions.
            problems.AddRange(CollectionService.ValidateDocuments(documents).Select(p => Relabel(p, items)));
        }

        return problems.Count > 0 ? (null, ApiResults.Problem(OperationError.Invalid(Invalid, problems))) : (documents, null);
    }

    private static List<(JsonNode? Node, string Path)> Split(string body, bool ndJson, List<OperationProblem> problems)
    {
        var items = new List<(JsonNode? Node, string Path)>();
        if (ndJson)
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
                    problems.Add(CollectionProblems.Of(path, error!));
                }
            }
        }
        else if (!TryParse(body, out var root, out var error))
        {
            problems.Add(CollectionProblems.Of("body", error!));
        }
        else if ((root as JsonArray ?? (root as JsonObject)?["documents"] as JsonArray) is { } array)
        {
            items.AddRange(array.Select((n, i) => (n, $"documents[{i}]")));
        }
        else
        {
            problems.Add(CollectionProblems.Of("body", "Expected {\"documents\": [...]}, a JSON array, or application/x-ndjson lines."));
        }

        return items;
    }

    private static OperationProblem Relabel(OperationProblem problem, List<(JsonNode? Node, string Path)> items)
    {
        // The service numbers documents[i]; for JSON lines say which line.
        if (problem.Field?.StartsWith("documents[", StringComparison.Ordinal) != true)
        {
            return problem;
        }

        var end = problem.Field.IndexOf(']', StringComparison.Ordinal);
        var index = int.Parse(problem.Field[10..end], CultureInfo.InvariantCulture);
        return CollectionProblems.Of(items[index].Path + problem.Field[(end + 1)..], problem.Message);
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
}
