using Designer.Inference;
using Designer.Retrieval;
using Designer.Retrieval.Collections;
using Designer.Retrieval.Embeddings;
using Designer.Web.Tests.Collections;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Designer.Web.Tests.Components;

/// <summary>A UI context whose application host also runs inference and retrieval (real catalog, indexes and job worker).</summary>
public abstract class CollectionUiTestContext : UiTestContext
{
    protected const string Collection = "ui-disputes";

    /// <summary>Whether the host's job worker runs; off to observe queued jobs.</summary>
    protected virtual bool RunJobs => true;

    protected CollectionService Collections => AppServices.GetRequiredService<CollectionService>();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Services.AddSingleton(Collections);
        Services.AddSingleton(AppServices.GetRequiredService<Designer.Inference.Registry.IModelRegistry>());
        Services.AddSingleton(AppServices.GetRequiredService<IEmbeddingModelCatalog>());
        Services.AddSingleton(AppServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Designer.Retrieval.RetrievalOptions>>());
    }

    protected override void ConfigureAppHost(HostApplicationBuilder builder)
    {
        builder.Configuration["Designer:Retrieval:RunJobs"] = RunJobs ? "true" : "false";
        builder.AddDesignerInference();
        builder.AddDesignerRetrieval();
    }

    /// <summary>Trains the embedding model, creates <see cref="Collection"/> and queues the test documents; returns the job.</summary>
    protected async Task<CollectionJobProgress> SeedCollectionAsync()
    {
        var catalog = AppServices.GetRequiredService<IEmbeddingModelCatalog>();
        await catalog.TrainAsync(catalog.DefaultModel, CollectionApi.TrainingCorpus(), CancellationToken.None);
        var created = await Collections.CreateAsync(new CreateCollection(Collection, ChunkSize: 64, ChunkOverlap: 16), new Designer.Persistence.Actor("author-1", "Author One"), CancellationToken.None);
        Assert.True(created.IsSuccess, created.Error?.Detail);
        var documents = CollectionApi.Documents().Select(d => new DocumentInput(
            d!["id"]!.GetValue<string>(), d["text"]!.GetValue<string>(), d["metadata"]!.DeepClone().AsObject()));
        var job = await Collections.AddDocumentsAsync(Collection, [.. documents], new Designer.Persistence.Actor("author-1", "Author One"), CancellationToken.None);
        return job.Value!;
    }

    /// <summary>Waits until the job has ended (the worker runs in the background).</summary>
    protected async Task WaitForJobAsync(Guid jobId)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!(await Collections.GetJobAsync(Collection, jobId, limit.Token)).Value!.Job.IsTerminal)
        {
            await Task.Delay(50, limit.Token);
        }
    }
}
