using Designer.Inference;
using Designer.Inference.Registry;
using Designer.Inference.Remote;
using Designer.Inference.Serving;
using Designer.InferenceHost.Api;
using Designer.InferenceHost.Metrics;
using Designer.Persistence;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Designer.InferenceHost.Hosting;

/// <summary>The inference host's registrations; <c>Program</c> is a short list of these calls.</summary>
internal static class InferenceHostServiceCollectionExtensions
{
    /// <summary>Loads the solution-wide appsettings.json beneath the host's own settings (as the web host does).</summary>
    public static IHostApplicationBuilder AddInferenceHostSharedConfiguration(this IHostApplicationBuilder builder)
    {
        var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = Path.Combine(AppContext.BaseDirectory, "appsettings.shared.json"),
            Optional = true,
            ReloadOnChange = false,
        };
        source.ResolveFileProvider();
        builder.Configuration.Sources.Insert(0, source);
        return builder;
    }

    /// <summary>
    /// Serves the registry every web host writes (issue 14): the Designer database (<c>Designer:Storage</c>, migrated on
    /// start like the web hosts unless <c>MigrateOnStart</c> is off) and the shared <c>Designer:Inference:ModelStore</c>
    /// folder, read-only through <see cref="ServingModelRegistry"/>. The host does not import its old per-host folder
    /// (an import would approve versions no web host reviewed) and runs none of the web hosts' background jobs.
    /// Call <c>AddDesignerStorage</c> before <c>AddDesignerInference</c> (the migration runs before the bootstraps) and
    /// this after both.
    /// </summary>
    public static IHostApplicationBuilder AddInferenceHostRegistry(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(sp => new DatabaseModelRegistry(
            sp.GetRequiredService<IModelVersionStore>(),
            sp.GetRequiredService<ContentAddressedModelStore>(),
            legacyFolder: null,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DatabaseModelRegistry>>()));
        builder.UseSharedModelRegistry();
        services.Replace(ServiceDescriptor.Singleton<IModelRegistry>(sp => new ServingModelRegistry(sp.GetRequiredService<DatabaseModelRegistry>())));
        services.RemoveAll<IAuditedModelRegistry>();
        services.RemoveAll<Designer.Inference.ChatModels.IAuditedChatModelRegistry>();
        return builder;
    }

    /// <summary>ProblemDetails, JSON conventions, readiness, metrics, warm-up and the in-process client.</summary>
    public static IHostApplicationBuilder AddInferenceHostApi(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        // This process *is* the inference host: it always serves in-process, even when the shared configuration
        // names a remote endpoint for the web hosts.
        services.RemoveAll<IInferenceClient>();
        services.AddSingleton<IInferenceClient, InProcessInferenceClient>();

        // Texts for the project-trained (LSA) embedding models; other encoders can be added beside it.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEmbeddingTextEncoder, TermCountTextEncoder>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEmbeddingTextEncoder, WordPieceTextEncoder>());

        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(options => InferenceWireJson.Configure(options.SerializerOptions));
        services.AddMetrics();
        services.AddSingleton<InferenceMetricsCollector>();
        services.AddHostedService<ModelWarmupService>();
        services.AddHealthChecks().AddCheck<ModelsReadyHealthCheck>("models");
        return builder;
    }

    /// <summary>Maps <c>/v1/*</c>, <c>/health</c> and <c>/metrics</c>.</summary>
    public static WebApplication MapInferenceHostApi(this WebApplication app)
    {
        var v1 = app.MapGroup("/v1");
        v1.MapModelApi();
        v1.MapEmbeddingsApi();
        app.MapHealthChecks("/health");

        // Start listening now: measurements made before the first scrape must count too.
        app.Services.GetRequiredService<InferenceMetricsCollector>();
        app.MapGet("/metrics", (InferenceMetricsCollector metrics) =>
            TypedResults.Text(metrics.Scrape(), "text/plain; version=0.0.4; charset=utf-8"));
        return app;
    }
}
