using System.Net;
using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Retrieval.Collections;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Collections;

/// <summary>Collections through the API, on each provider: ingest, search, jobs, re-embed, delete, bad input.</summary>
public abstract class CollectionApiTests(CollectionApiFixture fixture)
{
    protected abstract void EnsureProvider();

    [Fact]
    public async Task Ingest_JsonAndNdjson_SearchReturnsChunksWithScoresAndDocumentIds()
    {
        // Arrange
        EnsureProvider();
        var author = await fixture.ClientAsync("author");
        var viewer = await fixture.ClientAsync("viewer");
        var name = CollectionApi.Name();
        await CollectionApi.CreateAsync(author, name);
        var documents = CollectionApi.Documents();
        var json = new JsonArray([.. documents.Take(6).Select(d => d!.DeepClone())]);
        var lines = new JsonArray([.. documents.Skip(6).Select(d => d!.DeepClone())]);

        // Act
        var first = await CollectionApi.IngestAsync(author, name, json);
        var second = await CollectionApi.IngestAsync(author, name, lines, ndjson: true);
        var firstJob = await CollectionApi.WaitForJobAsync(viewer, name, first);
        await CollectionApi.WaitForJobAsync(viewer, name, second);
        var lexical = await CollectionApi.SearchAsync(viewer, name, "torn cover missing pages", "lexical");
        var dense = await CollectionApi.SearchAsync(viewer, name, "the book arrived with a torn cover", "dense");
        var hybrid = await CollectionApi.SearchAsync(viewer, name, "card stolen by a thief", "hybrid", k: 12);
        var collection = await (await viewer.GetAsync($"/api/collections/{name}")).ReadObjectAsync();

        // Assert
        Assert.Equal(6, firstJob["done"]!.GetValue<int>());
        Assert.Equal(6, firstJob["total"]!.GetValue<int>());
        Assert.True(firstJob["ratePerSecond"]!.GetValue<double>() > 0);
        Assert.Equal(12, collection["documents"]!.GetValue<int>());
        Assert.Equal("d-12", lexical[0]!["documentId"]!.GetValue<string>());
        Assert.Equal("d-12", dense[0]!["documentId"]!.GetValue<string>());
        Assert.True(dense[0]!["score"]!.GetValue<double>() > dense[^1]!["score"]!.GetValue<double>());
        Assert.Contains(hybrid.Take(3), h => h!["documentId"]!.GetValue<string>() == "d-06");
        Assert.All(hybrid, h => Assert.NotNull(h!["chunk"]));
        Assert.Equal("quality", lexical[0]!["metadata"]!["category"]!.GetValue<string>());
    }

    [Fact]
    public async Task AddDocuments_Issue11_TenMegabyteDocument_ReturnsProblemDetailsAndStoresNothing()
    {
        // Arrange
        EnsureProvider();
        var author = await fixture.ClientAsync("author");
        var name = CollectionApi.Name();
        await CollectionApi.CreateAsync(author, name);
        var huge = new JsonArray(new JsonObject { ["id"] = "huge", ["text"] = new string('a', 10 * 1024 * 1024) });

        // Act
        var response = await author.PostAsync($"/api/collections/{name}/documents",
            new StringContent(huge.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var collection = await (await author.GetAsync($"/api/collections/{name}")).ReadObjectAsync();

        // Assert: refused as too large (413) or as too long (400), always a problem document, never a 500.
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest });
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(0, collection["documents"]!.GetValue<int>());
    }

    [Fact]
    public async Task Search_Filter_ReturnsOnlyMatchingPayloads()
    {
        // Arrange
        EnsureProvider();
        var author = await fixture.ClientAsync("author");
        var name = CollectionApi.Name();
        await CollectionApi.CreateAsync(author, name);
        await CollectionApi.WaitForJobAsync(author, name, await CollectionApi.IngestAsync(author, name, CollectionApi.Documents()));

        // Act
        var fraud = await CollectionApi.SearchAsync(author, name, "charged card purchases", k: 12, filter: "{\"category\":\"fraud\"}");
        var expensive = await CollectionApi.SearchAsync(
            author, name, "charged card purchases", k: 12, filter: "{\"must\":[{\"key\":\"amount\",\"range\":{\"gte\":1000}}]}");

        // Assert
        Assert.NotEmpty(fraud);
        Assert.All(fraud, h => Assert.Equal("fraud", h!["metadata"]!["category"]!.GetValue<string>()));
        Assert.Equal(["d-04", "d-06", "d-08", "d-11"], expensive.Select(h => h!["documentId"]!.GetValue<string>()).Distinct().Order());
    }

    [Fact]
    public async Task BadInputs_ProblemDetailsListEveryProblem()
    {
        // Arrange
        EnsureProvider();
        var author = await fixture.ClientAsync("author");
        var name = CollectionApi.Name();
        await CollectionApi.CreateAsync(author, name);
        var badDocuments = new JsonArray(
            new JsonObject { ["id"] = "a", ["text"] = "fine" },
            new JsonObject { ["id"] = "a", ["text"] = " " },
            new JsonObject { ["id"] = "b", ["text"] = "x", ["metadata"] = new JsonObject { ["chunk"] = 1 } },
            new JsonObject { ["id"] = 5, ["text"] = "x" });

        // Act
        var create = await author.PostAsync("/api/collections", ApiClientExtensions.Json(
            "{\"name\":\"Bad Name!\",\"backend\":\"nowhere\",\"chunkSize\":10,\"chunkOverlap\":-1,\"embeddingVersion\":0}"));
        var duplicate = await author.PostAsync("/api/collections", ApiClientExtensions.Json($"{{\"name\":\"{name}\"}}"));
        var documents = await author.PostAsync($"/api/collections/{name}/documents", ApiClientExtensions.Json(badDocuments.ToJsonString()));
        var semantic = await author.PostAsync($"/api/collections/{name}/documents", ApiClientExtensions.Json(new JsonArray(badDocuments.Take(3).Select(d => d!.DeepClone()).ToArray()).ToJsonString()));
        var ndjson = await author.PostAsync($"/api/collections/{name}/documents", new StringContent("{\"id\":\"x\",\"text\":\"ok\"}\nnot json\n[1]", System.Text.Encoding.UTF8, "application/x-ndjson"));
        var search = await author.GetAsync($"/api/collections/{name}/search?q=&k=abc&mode=fuzzy&minScore=high&filter={Uri.EscapeDataString("{\"amount\":1.5,\"tags\":[]}")}");
        var missing = await author.GetAsync("/api/collections/nope-" + Guid.NewGuid().ToString("N")[..6]);

        // Assert
        await AssertProblemsAsync(create, HttpStatusCode.BadRequest, "name", "backend", "chunkSize", "chunkOverlap", "embeddingVersion");
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        await AssertProblemsAsync(documents, HttpStatusCode.BadRequest, "documents[3].id");
        await AssertProblemsAsync(semantic, HttpStatusCode.BadRequest, "documents[1].id", "documents[1].text", "documents[2].metadata.chunk");
        await AssertProblemsAsync(ndjson, HttpStatusCode.BadRequest, "line 2", "line 3");
        await AssertProblemsAsync(search, HttpStatusCode.BadRequest, "q", "k", "mode", "minScore", "filter");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var stored = await (await author.GetAsync($"/api/collections/{name}")).ReadObjectAsync();
        Assert.Equal(0, stored["documents"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reembed_NewModelVersion_BackgroundJobSwitchesCollectionAndBackOnRequest()
    {
        // Arrange
        EnsureProvider();
        var author = await fixture.ClientAsync("author");
        var name = CollectionApi.Name();
        await CollectionApi.CreateAsync(author, name);
        await CollectionApi.WaitForJobAsync(author, name, await CollectionApi.IngestAsync(author, name, CollectionApi.Documents()));
        var before = (await (await author.GetAsync($"/api/collections/{name}")).ReadObjectAsync())["embeddingVersion"]!.GetValue<int>();

        // Act: training a new version queues the re-embedding by itself; an explicit request goes back to the old one.
        var next = await fixture.TrainAsync([.. CollectionApi.TrainingCorpus(), "A chargeback was filed for a duplicate airline ticket."]);
        var automatic = (await (await author.GetAsync($"/api/collections/{name}/jobs")).ReadObjectAsync())["items"]![0]!;
        var automaticJob = await CollectionApi.WaitForJobAsync(author, name, automatic["id"]!.GetValue<Guid>());
        var switched = await (await author.GetAsync($"/api/collections/{name}")).ReadObjectAsync();
        var back = await author.PostAsync($"/api/collections/{name}/reembed", ApiClientExtensions.Json($"{{\"version\":{before}}}"));
        await CollectionApi.WaitForJobAsync(author, name, (await back.ReadObjectAsync())["id"]!.GetValue<Guid>());
        var restored = await (await author.GetAsync($"/api/collections/{name}")).ReadObjectAsync();
        var again = await author.PostAsync($"/api/collections/{name}/reembed", ApiClientExtensions.Json($"{{\"version\":{before}}}"));
        var unknown = await author.PostAsync($"/api/collections/{name}/reembed", ApiClientExtensions.Json("{\"version\":999}"));
        var dense = await CollectionApi.SearchAsync(author, name, "the book arrived with a torn cover", "dense");

        // Assert
        Assert.True(before < next.Version);
        Assert.Equal("reembed", automaticJob["kind"]!.GetValue<string>());
        Assert.Equal(next.Version, automaticJob["targetVersion"]!.GetValue<int>());
        Assert.Equal(12, automaticJob["done"]!.GetValue<int>());
        Assert.Equal(next.Version, switched["embeddingVersion"]!.GetValue<int>());
        Assert.Null(switched["reembeddingToVersion"]);
        Assert.Equal(HttpStatusCode.Accepted, back.StatusCode);
        Assert.Equal(before, restored["embeddingVersion"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await AssertProblemsAsync(unknown, HttpStatusCode.BadRequest, "version");
        Assert.Equal("d-12", dense[0]!["documentId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_Collection_RemovesDocumentsJobsAndIndex()
    {
        // Arrange
        EnsureProvider();
        var author = await fixture.ClientAsync("author");
        var name = CollectionApi.Name();
        await CollectionApi.CreateAsync(author, name);
        var jobId = await CollectionApi.IngestAsync(author, name, CollectionApi.Documents());
        await CollectionApi.WaitForJobAsync(author, name, jobId);
        var services = fixture.Factory.Services;
        var stored = await services.GetRequiredService<ICollectionStore>().GetAsync(name, TestContext.Current.CancellationToken);
        var provider = services.GetRequiredService<VectorIndexBackends>().Get(stored!.Backend);
        Assert.NotNull(await provider.OpenAsync(stored.IndexName, TestContext.Current.CancellationToken));

        // Act
        var deleted = await author.DeleteAsync($"/api/collections/{name}");
        var again = await author.DeleteAsync($"/api/collections/{name}");
        var get = await author.GetAsync($"/api/collections/{name}");
        var job = await author.GetAsync($"/api/collections/{name}/jobs/{jobId}");
        var search = await author.GetAsync($"/api/collections/{name}/search?q=card");
        var recreated = await author.PostAsync("/api/collections", ApiClientExtensions.Json($"{{\"name\":\"{name}\"}}"));
        var empty = await (await author.GetAsync($"/api/collections/{name}")).ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, job.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, search.StatusCode);
        Assert.Equal(HttpStatusCode.Created, recreated.StatusCode);
        Assert.Equal(0, empty["documents"]!.GetValue<int>());
        Assert.Null(await provider.OpenAsync(stored.IndexName, TestContext.Current.CancellationToken));
    }

    private static async Task AssertProblemsAsync(HttpResponseMessage response, HttpStatusCode status, params string[] fields)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadObjectAsync();
        var listed = problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).ToList();
        foreach (var field in fields)
        {
            Assert.Contains(field, listed);
        }
    }
}
