using Designer.Hosting;
using Designer.Inference.Registry;
using Designer.Inference.Serving;
using Designer.Retrieval.Collections;
using Designer.Retrieval.Embedded;
using Designer.Retrieval.Embeddings;
using Designer.Retrieval.Indexes;
using Designer.Retrieval.Postgres;
using Designer.Retrieval.Qdrant;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Designer.Retrieval;

/// <summary>Registers Designer's retrieval layer.</summary>
public static class RetrievalServiceCollectionExtensions
{
    /// <summary>The named <see cref="HttpClient"/> the OpenAI-compatible embedding generator uses.</summary>
    public const string OpenAIEmbeddingHttpClientName = "Designer.OpenAIEmbeddings";

    /// <summary>
    /// Binds <see cref="RetrievalOptions"/> from <c>Designer:Retrieval</c> (validated on start) and registers the
    /// <see cref="IVectorIndexProvider"/> of the configured backend as a singleton, the cached ONNX embedding generator
    /// when <see cref="RetrievalOptions.Embedding"/> names a model, and <see cref="TimeProvider.System"/> unless one is
    /// registered, and the <see cref="IEmbeddingModelCatalog"/> (which needs the model registry and session pool of
    /// <c>AddDesignerInference</c>), <see cref="VectorIndexBackends"/> (every backend configured here; collections pick
    /// one), and collections: <see cref="CollectionService"/>, <see cref="CollectionJobQueue"/> and the hosted
    /// <see cref="CollectionJobWorker"/> (they need <c>ICollectionStore</c> from <c>AddDesignerPersistence</c>).
    /// </summary>
    /// <returns>The same builder.</returns>
    public static IHostApplicationBuilder AddDesignerRetrieval(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<RetrievalOptions>()
            .Bind(builder.Configuration.GetSection(RetrievalOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetrievalOptions>, RetrievalOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => CreateBackends(provider, builder.Environment.ContentRootPath));
        services.TryAddSingleton(provider => provider.GetRequiredService<VectorIndexBackends>().Get(provider.GetRequiredService<VectorIndexBackends>().Default));
        AddCollections(services);

        // Registered only when configured: decided at registration time from configuration, so hosts without a model
        // simply have no generator (and a later call can register a different one).
        var embedding = builder.Configuration.GetSection(RetrievalOptions.SectionName).Get<RetrievalOptions>()?.Embedding;
        if (!string.IsNullOrWhiteSpace(embedding?.ModelPath))
        {
            services.TryAddSingleton(provider => CreateEmbeddingGenerator(provider, builder.Environment.ContentRootPath));
            services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(provider => provider.GetRequiredService<CachingEmbeddingGenerator>());
        }

        services.AddHttpClient(OpenAIEmbeddingHttpClientName);
        services.TryAddSingleton<IEmbeddingModelCatalog>(provider => new ReembeddingModelCatalog(
            CreateCatalog(provider), provider, provider.GetRequiredService<IOptions<RetrievalOptions>>().Value.ReembedOnNewModelVersion));
        return builder;
    }

    /// <summary>
    /// Collections: the service, the job queue and (unless <see cref="RetrievalOptions.RunJobs"/> is off) the job
    /// worker. Both need an <see cref="IEmbeddingModelCatalog"/> and <c>ICollectionStore</c> (AddDesignerPersistence).
    /// </summary>
    private static void AddCollections(IServiceCollection services)
    {
        services.TryAddSingleton<CollectionJobQueue>();
        services.TryAddSingleton<CollectionService>();
        services.AddHostedService<CollectionJobWorker>();
    }

    private static EmbeddingModelCatalog CreateCatalog(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<RetrievalOptions>>().Value;
        var external = new Dictionary<string, EmbeddingModelHandle>(StringComparer.Ordinal);
        if (provider.GetService<CachingEmbeddingGenerator>() is { } byo && options.Embedding is { } onnx)
        {
            var dimensions = byo.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelDimensions ?? 0;
            var version = int.TryParse(onnx.ModelVersion, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : 1;
            external[onnx.ModelId] = new EmbeddingModelHandle(onnx.ModelId, version, dimensions, byo);
        }

        if (options.OpenAIEmbedding is { } openAi)
        {
            var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(OpenAIEmbeddingHttpClientName);
            var generator = OpenAIEmbeddingGeneratorFactory.Create(openAi, http);
            var cached = new CachingEmbeddingGenerator(generator, $"{openAi.Model}@{openAi.ModelVersion}", options.EmbeddingCacheCapacity);
            external[openAi.Model] = new EmbeddingModelHandle(openAi.Model, openAi.ModelVersion, openAi.Dimensions ?? 0, cached);
        }

        // The registry and session pool come from AddDesignerInference (both hosts call it): project-trained models
        // are registered, versioned and served like every other model.
        return new EmbeddingModelCatalog(
            provider.GetRequiredService<IModelRegistry>(),
            provider.GetRequiredService<SessionPool>(),
            options.DefaultEmbeddingModel,
            options.Lsa,
            options.EmbeddingCacheCapacity,
            provider.GetRequiredService<TimeProvider>(),
            external);
    }

    private static CachingEmbeddingGenerator CreateEmbeddingGenerator(IServiceProvider provider, string contentRoot)
    {
        var options = provider.GetRequiredService<IOptions<RetrievalOptions>>().Value;
        var model = options.Embedding! with
        {
            ModelPath = Path.Combine(contentRoot, options.Embedding!.ModelPath),
            VocabularyPath = Path.Combine(contentRoot, options.Embedding.VocabularyPath),
        };
        var generator = new OnnxSentenceEmbeddingGenerator(model, provider.GetRequiredService<TimeProvider>());
        return new CachingEmbeddingGenerator(generator, generator.ModelKey, options.EmbeddingCacheCapacity);
    }

    private static VectorIndexBackends CreateBackends(IServiceProvider provider, string contentRoot)
    {
        var options = provider.GetRequiredService<IOptions<RetrievalOptions>>().Value;
        var configuration = provider.GetRequiredService<IConfiguration>();
        var folder = DataDirectory.Resolve(configuration[DataDirectory.ConfigurationKey], contentRoot, options.DataDirectory);
        var factories = new Dictionary<string, Func<IVectorIndexProvider>>(StringComparer.Ordinal)
        {
            [VectorIndexBackends.Embedded] = () => new EmbeddedVectorIndexProvider(
                folder,
                new EmbeddedIndexOptions
                {
                    Hnsw = new HnswParameters(options.HnswM, options.HnswEfConstruction),
                    EfSearch = options.HnswEfSearch,
                    ExactSearchThreshold = options.ExactSearchThreshold,
                },
                provider.GetService<ILoggerFactory>()),
        };
        if (!string.IsNullOrWhiteSpace(options.PgVectorConnectionString))
        {
            factories[VectorIndexBackends.PgVector] = () => new PgVectorIndexProvider(
                options.PgVectorConnectionString,
                new PgVectorOptions { TablePrefix = options.PgVectorTablePrefix, HnswM = options.HnswM, EfSearch = options.HnswEfSearch });
        }

        if (options.QdrantEndpoint is not null)
        {
            factories[VectorIndexBackends.Qdrant] = () => new QdrantVectorIndexProvider(
                new QdrantConnectionSettings
                {
                    Endpoint = options.QdrantEndpoint,
                    ApiKey = options.QdrantApiKey,
                    CertificateThumbprint = options.QdrantCertificateThumbprint,
                    Timeout = options.QdrantTimeout,
                },
                Path.Combine(folder, "qdrant-lexical"));
        }

        var defaultBackend = options.IndexBackend switch
        {
            IndexBackend.PgVector => VectorIndexBackends.PgVector,
            IndexBackend.Qdrant => VectorIndexBackends.Qdrant,
            _ => VectorIndexBackends.Embedded,
        };
        return new VectorIndexBackends(defaultBackend, factories);
    }
}
