using System.Net;
using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Collections;

/// <summary>Jobs are database rows: a stop before or during a job leaves it for the next start to finish.</summary>
public abstract class CollectionRestartTests
{
    protected abstract Task<string?> DatabaseAsync();

    [Fact]
    public async Task Restart_UnfinishedJobs_ResumeAndFinish()
    {
        // Arrange: an app whose worker is off, standing in for one that stopped before or in the middle of its jobs.
        var database = await DatabaseAsync();
        var name = CollectionApi.Name();
        Guid queued, interrupted, cancelled;
        string dataDirectory;
        await using (var first = new DesignerWebFactory(database) { RunCollectionJobs = false, KeepData = true })
        {
            dataDirectory = first.DataDirectory;
            var author = await first.ClientForAsync("author");
            var catalog = first.Services.GetRequiredService<Designer.Retrieval.Embeddings.IEmbeddingModelCatalog>();
            await catalog.TrainAsync(catalog.DefaultModel, CollectionApi.TrainingCorpus(), TestContext.Current.CancellationToken);
            await CollectionApi.CreateAsync(author, name);
            var documents = CollectionApi.Documents();
            queued = await CollectionApi.IngestAsync(author, name, [.. documents.Take(4).Select(d => d!.DeepClone())]);
            interrupted = await CollectionApi.IngestAsync(author, name, [.. documents.Skip(4).Take(6).Select(d => d!.DeepClone())]);
            cancelled = await CollectionApi.IngestAsync(author, name, [.. documents.Skip(10).Select(d => d!.DeepClone())]);
            // What a worker killed mid-job leaves behind: the job Running, some of its documents indexed.
            await first.Services.GetRequiredService<ICollectionStore>().StartJobAsync(interrupted, 6, 0, TestContext.Current.CancellationToken);
            var cancel = await author.PostAsync($"/api/collections/{name}/jobs/{cancelled}/cancel", null);
            var cancelAgain = await author.PostAsync($"/api/collections/{name}/jobs/{cancelled}/cancel", null);
            var waiting = await (await author.GetAsync($"/api/collections/{name}/jobs/{queued}")).ReadObjectAsync();
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, cancelAgain.StatusCode);
            Assert.Equal("queued", waiting["status"]!.GetValue<string>());
            Assert.Equal(0, waiting["done"]!.GetValue<int>());
        }

        // Act
        await using var second = new DesignerWebFactory(database, dataDirectory);
        var viewer = await second.ClientForAsync("viewer");
        var firstJob = await CollectionApi.WaitForJobAsync(viewer, name, queued);
        var secondJob = await CollectionApi.WaitForJobAsync(viewer, name, interrupted);
        var cancelledJob = await (await viewer.GetAsync($"/api/collections/{name}/jobs/{cancelled}")).ReadObjectAsync();
        var hits = await CollectionApi.SearchAsync(viewer, name, "stolen card jewellery thief", "lexical", k: 12);
        var notIndexed = await CollectionApi.SearchAsync(viewer, name, "torn cover missing pages", "lexical", k: 12);

        // Assert
        Assert.Equal(4, firstJob["done"]!.GetValue<int>());
        Assert.Equal(6, secondJob["done"]!.GetValue<int>());
        Assert.Equal("cancelled", cancelledJob["status"]!.GetValue<string>());
        Assert.Contains(hits, h => h!["documentId"]!.GetValue<string>() == "d-06");
        Assert.DoesNotContain(notIndexed, h => h!["documentId"]!.GetValue<string>() == "d-12");
    }

    [Fact]
    public async Task Reembed_WhileQueuedAcrossRestart_QueriesUseOldVersionThenSwitch()
    {
        // Arrange: a collection indexed with v1.
        var database = await DatabaseAsync();
        var name = CollectionApi.Name();
        string dataDirectory;
        int v1;
        await using (var first = new DesignerWebFactory(database) { KeepData = true })
        {
            dataDirectory = first.DataDirectory;
            var author = await first.ClientForAsync("author");
            v1 = (await TrainAsync(first, CollectionApi.TrainingCorpus())).Version;
            await CollectionApi.CreateAsync(author, name);
            await CollectionApi.WaitForJobAsync(author, name, await CollectionApi.IngestAsync(author, name, CollectionApi.Documents()));
        }

        // Act: v2 is trained by an app whose worker is off, so its re-embedding job waits; then an app with a worker.
        int v2;
        JsonObject during;
        JsonArray duringHits;
        await using (var second = new DesignerWebFactory(database, dataDirectory) { RunCollectionJobs = false, KeepData = true })
        {
            var viewer = await second.ClientForAsync("viewer");
            v2 = (await TrainAsync(second, [.. CollectionApi.TrainingCorpus(), "A refund was issued after the duplicate charge."])).Version;
            during = await (await viewer.GetAsync($"/api/collections/{name}")).ReadObjectAsync();
            duringHits = await CollectionApi.SearchAsync(viewer, name, "the book arrived with a torn cover", "dense");
        }

        await using var third = new DesignerWebFactory(database, dataDirectory);
        var reader = await third.ClientForAsync("viewer");
        var job = (await (await reader.GetAsync($"/api/collections/{name}/jobs")).ReadObjectAsync())["items"]![0]!;
        var finished = await CollectionApi.WaitForJobAsync(reader, name, job["id"]!.GetValue<Guid>());
        var after = await (await reader.GetAsync($"/api/collections/{name}")).ReadObjectAsync();
        var afterHits = await CollectionApi.SearchAsync(reader, name, "the book arrived with a torn cover", "dense");

        // Assert
        Assert.Equal(v1, during["embeddingVersion"]!.GetValue<int>());
        Assert.Equal(v2, during["reembeddingToVersion"]!.GetValue<int>());
        Assert.Equal("d-12", duringHits[0]!["documentId"]!.GetValue<string>());
        Assert.Equal("reembed", finished["kind"]!.GetValue<string>());
        Assert.Equal(v2, after["embeddingVersion"]!.GetValue<int>());
        Assert.Null(after["reembeddingToVersion"]);
        Assert.Equal("d-12", afterHits[0]!["documentId"]!.GetValue<string>());
    }

    private static Task<Designer.Retrieval.Embeddings.EmbeddingModelHandle> TrainAsync(DesignerWebFactory factory, IReadOnlyList<string> corpus)
    {
        var catalog = factory.Services.GetRequiredService<Designer.Retrieval.Embeddings.IEmbeddingModelCatalog>();
        return catalog.TrainAsync(catalog.DefaultModel, corpus, TestContext.Current.CancellationToken);
    }
}
