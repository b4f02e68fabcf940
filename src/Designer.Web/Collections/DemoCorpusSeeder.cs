using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Inference.Corpus;
using Designer.Retrieval.Collections;
using Designer.Retrieval.Embeddings;
using Designer.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Designer.Web.Collections;

/// <summary>
/// With <c>Designer:Demo:Seed</c>, on a start that finds no <c>past-disputes</c> collection: takes the default
/// embedding model (the pretrained one registered at start; a project-trained default such as <c>designer-lsa</c> is
/// first trained on the generated past disputes), creates the collection with that version and queues the ingestion
/// of every dispute. Runs in the background so the app serves requests meanwhile; the job
/// worker resumes an interrupted ingestion, and an interrupted training simply trains again on the next start.
/// </summary>
internal sealed partial class DemoCorpusSeeder(
    IServiceProvider services, IOptions<DemoOptions> demo, IHostEnvironment environment, ILogger<DemoCorpusSeeder> logger) : BackgroundService
{
    public const string CollectionName = "past-disputes";
    private static readonly Designer.Persistence.Actor SystemActor = new("system", "system");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!demo.Value.SeedsDemo(environment) || !demo.Value.SeedCorpus)
        {
            return;
        }

        try
        {
            await SeedAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped mid-way: the next start sees no collection (or a resumable job) and carries on.
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex);
        }
    }

    /// <summary>The documents of the demo corpus: the narrative is the text, the facts are filterable metadata.</summary>
    public static IReadOnlyList<DocumentInput> Documents(IReadOnlyList<DisputeRecord> corpus) =>
        [.. corpus.Select(d => new DocumentInput(d.Id, d.Narrative, new JsonObject
        {
            ["category"] = d.Category,
            ["amount"] = d.Amount,
            ["currency"] = d.Currency,
            ["merchant"] = d.Merchant,
            ["openedOn"] = d.OpenedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["resolution"] = d.Resolution,
            ["outcome"] = d.HighRisk ? "high-risk" : "low-risk",
        }))];

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var collections = services.GetRequiredService<CollectionService>();
        if ((await collections.GetAsync(CollectionName, cancellationToken)).IsSuccess)
        {
            return;
        }

        var catalog = services.GetRequiredService<IEmbeddingModelCatalog>();
        var corpus = DisputeCorpus.Default;
        var model = await PretrainedOrNullAsync(catalog, cancellationToken);
        if (model is null)
        {
            // The default is a project-trained model (designer-lsa): a new version learns the corpus first.
            LogTraining(logger, catalog.DefaultModel, corpus.Count);
            model = await catalog.TrainAsync(catalog.DefaultModel, [.. corpus.Select(d => d.Narrative)], cancellationToken);
        }

        var created = await collections.CreateAsync(
            new CreateCollection(CollectionName, "Past customer disputes (generated demo corpus)", model.Model, model.Version),
            SystemActor,
            cancellationToken);
        if (!created.IsSuccess)
        {
            // Another node created it meanwhile (409); it queues the ingestion.
            return;
        }

        var job = await collections.AddDocumentsAsync(CollectionName, Documents(corpus), SystemActor, cancellationToken);
        LogQueued(logger, corpus.Count, model.Model, model.Version, job.Value?.Job.Id);
    }

    private static async Task<EmbeddingModelHandle?> PretrainedOrNullAsync(IEmbeddingModelCatalog catalog, CancellationToken cancellationToken)
    {
        try
        {
            var handle = await catalog.GetAsync(catalog.DefaultModel, null, cancellationToken);
            return handle.IsPretrained ? handle : null;
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo corpus: training {Model} on {Count} past disputes")]
    private static partial void LogTraining(ILogger logger, string model, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo corpus: {Count} disputes queued for ingestion with {Model} v{Version} (job {JobId})")]
    private static partial void LogQueued(ILogger logger, int count, string model, int version, Guid? jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Demo corpus seeding failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
