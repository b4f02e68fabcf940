using System.Net;
using System.Text.Json.Nodes;
using Designer.Retrieval.Embeddings;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Collections;

/// <summary>
/// Issue 11 (b, c) through the API: a collection's own dense weight (create, PATCH, overridden per search) and
/// re-embedding a collection into another model with an atomic switch; bad input → ProblemDetails, nothing changed.
/// </summary>
public abstract class Issue11CollectionSettingsTests(CollectionApiFixture fixture)
{
    private const string Query = "my card was used by a thief abroad";

    protected abstract void EnsureProvider();

    [Fact]
    public async Task Create_Issue11_DenseWeight_RanksHybridLikeItsLegUnlessTheSearchOverrides()
    {
        // Arrange
        EnsureProvider();
        var author = await fixture.ClientAsync("author");
        var name = CollectionApi.Name();
        await CollectionApi.CreateAsync(author, name, new { hybridDenseWeight = 1.0 });
        await CollectionApi.WaitForJobAsync(author, name, await CollectionApi.IngestAsync(author, name, CollectionApi.Documents()));

        // Act
        var created = await (await author.GetAsync($"/api/collections/{name}")).ReadObjectAsync();
        var denseHits = await CollectionApi.SearchAsync(author, name, Query, "dense", k: 40);
        var lexicalHits = await CollectionApi.SearchAsync(author, name, Query, "lexical", k: 40);
        var hybridAtOne = Keys(await CollectionApi.SearchAsync(author, name, Query, "hybrid", k: 12));
        var patched = await author.PatchAsync($"/api/collections/{name}", ApiClientExtensions.Json("{\"hybridDenseWeight\":0}"));
        var hybridAtZero = Keys(await CollectionApi.SearchAsync(author, name, Query, "hybrid", k: 12));
        var overridden = Keys(await Search(author, name, "&denseWeight=1"));
        var reset = await author.PatchAsync($"/api/collections/{name}", ApiClientExtensions.Json("{\"hybridDenseWeight\":null}"));

        // Assert: the legs disagree on this query, so each weight is seen in the order it produces. Hits are compared
        // by their leg's score, since records tied on that score may come in either order.
        var dense = Scores(denseHits);
        var lexical = Scores(lexicalHits);
        Assert.NotEqual(Keys(denseHits).Take(lexicalHits.Count), Keys(lexicalHits));
        Assert.Equal(1.0, created["hybridDenseWeight"]!.GetValue<double>());
        Assert.Equal(dense.Take(12).Select(p => p.Value), hybridAtOne.Select(k => dense.Single(p => p.Key == k).Value));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(0.0, (await patched.ReadObjectAsync())["hybridDenseWeight"]!.GetValue<double>());
        // The weakest lexical hit normalises to 0 and ties with every dense-only hit, so it is left out.
        Assert.True(lexical.Count >= 3, $"Only {lexical.Count} lexical hits.");
        Assert.Equal(lexical.Take(lexical.Count - 1).Select(p => p.Value), hybridAtZero.Take(lexical.Count - 1).Select(k => lexical.Single(p => p.Key == k).Value));
        Assert.Equal(dense.Take(12).Select(p => p.Value), overridden.Select(k => dense.Single(p => p.Key == k).Value));
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Null((await reset.ReadObjectAsync())["hybridDenseWeight"]);
    }

    [Fact]
    public async Task Create_Issue11_BadDenseWeight_ProblemDetailsListEveryFieldAndNothingIsStored()
    {
        // Arrange
        EnsureProvider();
        var author = await fixture.ClientAsync("author");
        var name = CollectionApi.Name();
        await CollectionApi.CreateAsync(author, name);
        var other = CollectionApi.Name();

        // Act
        var create = await author.PostAsync("/api/collections", ApiClientExtensions.Json($"{{\"name\":\"{other}\",\"hybridDenseWeight\":1.5,\"chunkSize\":10}}"));
        var text = await author.PostAsync("/api/collections", ApiClientExtensions.Json($"{{\"name\":\"{other}\",\"hybridDenseWeight\":\"high\"}}"));
        var missing = await author.PatchAsync($"/api/collections/{name}", ApiClientExtensions.Json("{}"));
        var outside = await author.PatchAsync($"/api/collections/{name}", ApiClientExtensions.Json("{\"hybridDenseWeight\":-0.5}"));
        var unknown = await author.PatchAsync($"/api/collections/{name}", ApiClientExtensions.Json("{\"hybridDenseWeight\":0.5,\"chunkSize\":100}"));
        var absent = await author.PatchAsync($"/api/collections/{CollectionApi.Name()}", ApiClientExtensions.Json("{\"hybridDenseWeight\":0.5}"));
        var search = await author.GetAsync($"/api/collections/{name}/search?q=card&denseWeight=2");
        var stored = await (await author.GetAsync($"/api/collections/{name}")).ReadObjectAsync();

        // Assert
        await ProblemsAsync(create, HttpStatusCode.BadRequest, "hybridDenseWeight", "chunkSize");
        await ProblemsAsync(text, HttpStatusCode.BadRequest, "hybridDenseWeight");
        Assert.Equal(HttpStatusCode.NotFound, (await author.GetAsync($"/api/collections/{other}")).StatusCode);
        await ProblemsAsync(missing, HttpStatusCode.BadRequest, "hybridDenseWeight");
        await ProblemsAsync(outside, HttpStatusCode.BadRequest, "hybridDenseWeight");
        await ProblemsAsync(unknown, HttpStatusCode.BadRequest, "chunkSize");
        Assert.Equal(HttpStatusCode.NotFound, absent.StatusCode);
        await ProblemsAsync(search, HttpStatusCode.BadRequest, "denseWeight");
        Assert.Null(stored["hybridDenseWeight"]);
    }

    [Fact]
    public async Task Reembed_Issue11_AnotherModel_SwitchesModelAtomicallyAndRefusesBadInput()
    {
        // Arrange: a second project-trained model stands in for "another model" (the test host has no pretrained one).
        EnsureProvider();
        var author = await fixture.ClientAsync("author");
        var catalog = fixture.Factory.Services.GetRequiredService<IEmbeddingModelCatalog>();
        var otherModel = "alt-" + Guid.NewGuid().ToString("N")[..8];
        var other = await catalog.TrainAsync(otherModel, [.. CollectionApi.TrainingCorpus().Reverse(), "A refund was promised but never paid."], TestContext.Current.CancellationToken);
        var name = CollectionApi.Name();
        await CollectionApi.CreateAsync(author, name);
        await CollectionApi.WaitForJobAsync(author, name, await CollectionApi.IngestAsync(author, name, CollectionApi.Documents()));
        var before = await (await author.GetAsync($"/api/collections/{name}")).ReadObjectAsync();

        // Act
        var unknown = await author.PostAsync($"/api/collections/{name}/reembed", ApiClientExtensions.Json("{\"model\":\"no-such-model\"}"));
        var notText = await author.PostAsync($"/api/collections/{name}/reembed", ApiClientExtensions.Json("{\"model\":5}"));
        var blank = await author.PostAsync($"/api/collections/{name}/reembed", ApiClientExtensions.Json("{\"model\":\" \"}"));
        var same = await author.PostAsync($"/api/collections/{name}/reembed", ApiClientExtensions.Json($"{{\"model\":\"{before["embeddingModel"]}\",\"version\":{before["embeddingVersion"]}}}"));
        var unchanged = await (await author.GetAsync($"/api/collections/{name}")).ReadObjectAsync();
        var change = await author.PostAsync($"/api/collections/{name}/reembed", ApiClientExtensions.Json($"{{\"model\":\"{otherModel}\"}}"));
        var job = await CollectionApi.WaitForJobAsync(author, name, (await change.ReadObjectAsync())["id"]!.GetValue<Guid>());
        var after = await (await author.GetAsync($"/api/collections/{name}")).ReadObjectAsync();
        var again = await author.PostAsync($"/api/collections/{name}/reembed", ApiClientExtensions.Json($"{{\"model\":\"{otherModel}\"}}"));
        var dense = await CollectionApi.SearchAsync(author, name, "the book arrived with a torn cover", "dense");

        // Assert
        await ProblemsAsync(unknown, HttpStatusCode.BadRequest, "model");
        await ProblemsAsync(notText, HttpStatusCode.BadRequest, "model");
        await ProblemsAsync(blank, HttpStatusCode.BadRequest, "model");
        Assert.Equal(HttpStatusCode.Conflict, same.StatusCode);
        Assert.Equal("application/problem+json", same.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before.ToJsonString(), unchanged.ToJsonString());
        Assert.Equal(HttpStatusCode.Accepted, change.StatusCode);
        Assert.Equal(12, job["done"]!.GetValue<int>());
        Assert.Equal(other.Version, job["targetVersion"]!.GetValue<int>());
        Assert.Equal(otherModel, after["embeddingModel"]!.GetValue<string>());
        Assert.Equal(other.Version, after["embeddingVersion"]!.GetValue<int>());
        Assert.Equal(other.Dimensions, after["dimensions"]!.GetValue<int>());
        Assert.Null(after["reembeddingToModel"]);
        Assert.Null(after["reembeddingToVersion"]);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("d-12", dense[0]!["documentId"]!.GetValue<string>());
    }

    /// <summary>(hit key, score) in the leg's order; rounded so that float noise cannot split a tie.</summary>
    private static List<KeyValuePair<string, double>> Scores(JsonArray hits) =>
        [.. hits.Select(h => KeyValuePair.Create($"{h!["documentId"]!.GetValue<string>()}#{h["chunk"]!.GetValue<int>()}", Math.Round(h["score"]!.GetValue<double>(), 6)))];

    private static List<string> Keys(JsonArray hits) =>
        [.. hits.Select(h => $"{h!["documentId"]!.GetValue<string>()}#{h["chunk"]!.GetValue<int>()}")];

    private static async Task<JsonArray> Search(HttpClient client, string name, string extra)
    {
        var response = await client.GetAsync($"/api/collections/{name}/search?q={Uri.EscapeDataString(Query)}&k=12&mode=hybrid{extra}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadObjectAsync())["items"]!.AsArray();
    }

    private static async Task ProblemsAsync(HttpResponseMessage response, HttpStatusCode status, params string[] fields)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var listed = (await response.ReadObjectAsync())["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToList();
        foreach (var field in fields)
        {
            Assert.Contains(field, listed);
        }
    }
}
