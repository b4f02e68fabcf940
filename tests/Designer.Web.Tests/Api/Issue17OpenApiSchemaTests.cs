using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Api;

/// <summary>
/// Issue 17 golden test: the OpenAPI document describes the bodies. Every POST/PUT/PATCH that takes a body has a
/// request schema and every 2xx answer that returns JSON has a response schema, so a handler that goes back to
/// returning a bare <c>IResult</c> (or reading its body by hand without saying so) fails here.
/// </summary>
public sealed class Issue17OpenApiSchemaTests
{
    /// <summary>Operations that take no body at all (a POST that only names what it acts on).</summary>
    private static readonly HashSet<string> NoBody = new(StringComparer.Ordinal)
    {
        "POST /api/auth/logout",
        "POST /api/collections/{name}/jobs/{id}/cancel",
        "POST /api/datasets/{id}/copy",
        "POST /api/evaluations/{id}/cancel",
        "POST /api/notifications/dead-letters/{id}/retry",
        "POST /api/runs/{id}/cancel",
        "POST /api/users/{id}/lock",
        "POST /api/users/{id}/password",
        "POST /api/users/{id}/unlock",
        "POST /api/workflows/{id}/api-keys/{keyId}/rotate",
        "POST /api/workflows/{id}/rollout/abort",
        "POST /api/workflows/{id}/rollout/promote",
        "POST /api/workflows/{id}/versions",
        "POST /api/workflows/{id}/versions/{number}/activate",
    };

    [Fact]
    public async Task OpenApi_EveryOperation_DescribesItsBodies_Issue17()
    {
        // Arrange
        await using var factory = new DesignerWebFactory();
        var client = await factory.ClientForAsync("viewer");

        // Act
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();

        // Assert: every gap is listed, so the failure message says which handlers to type.
        var missing = MissingSchemas(document).ToList();
        Assert.True(missing.Count == 0, "Operations without schemas:\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task OpenApi_CollectionOperations_HaveRequestAndResponseSchemas_Issue17()
    {
        // Arrange
        await using var factory = new DesignerWebFactory();
        var client = await factory.ClientForAsync("viewer");

        // Act
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();

        // Assert: the collections group is fully typed (request records + typed results).
        Assert.DoesNotContain(MissingSchemas(document), m => m.Contains("/api/collections", StringComparison.Ordinal));
        var create = document["paths"]!["/api/collections"]!["post"]!;
        Assert.NotNull(create["requestBody"]!["content"]!["application/json"]!["schema"]);
        Assert.NotNull(create["responses"]!["201"]!["content"]!["application/json"]!["schema"]);
    }

    private static IEnumerable<string> MissingSchemas(JsonObject document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (!path.StartsWith("/api/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (method, operationNode) in item!.AsObject())
            {
                if (operationNode is not JsonObject operation || method is "parameters" or "summary" or "description")
                {
                    continue;
                }

                var name = $"{method.ToUpperInvariant()} {path}";
                if (method is "post" or "put" or "patch" && !NoBody.Contains(name) && !HasSchema(operation["requestBody"]))
                {
                    yield return name + " (request)";
                }

                // A 204 has no body to describe; every other 2xx answer must say what it returns.
                var responses = operation["responses"] as JsonObject ?? [];
                var ok = responses.Where(r => r.Key.StartsWith('2') && r.Key != "204").ToList();
                if ((ok.Count == 0 && !responses.ContainsKey("204")) || ok.Any(r => !HasSchema(r.Value)))
                {
                    yield return name + " (response)";
                }
            }
        }
    }

    private static bool HasSchema(JsonNode? bodyOrResponse) =>
        bodyOrResponse?["content"] is JsonObject content && content.Any(c => c.Value?["schema"] is not null);
}
