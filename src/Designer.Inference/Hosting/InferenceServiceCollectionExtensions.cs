using Designer.Inference.Hosting;
using Designer.Inference.Registry;
using Designer.Inference.Serving;
using Designer.Inference.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// The extension lives in the root namespace so Program.cs needs only `using Designer.Inference;`.
namespace Designer.Inference;

/// <summary>Registers the inference module.</summary>
public static class InferenceServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="InferenceOptions"/> from <c>Designer:Inference</c> (validated on start) and registers the
    /// file registry, provider selector, session pool, metrics, <see cref="IInferenceClient"/> (in-process),
    /// <see cref="RiskModelService"/> and the hosted bootstrap of <c>dispute-risk</c> v1.
    /// </summary>
    /// <param name="builder">The host builder.</param>
    /// <returns>The same builder.</returns>
    public static IHostApplicationBuilder AddDesignerInference(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<InferenceOptions>().Bind(builder.Configuration.GetSection(InferenceOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InferenceOptions>, InferenceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InferenceMetrics>();
        services.TryAddSingleton<IModelRegistry>(sp => new FileModelRegistry(
            Path.Combine(Options(sp).DataDirectory, "models"), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new ExecutionProviderSelector(Options(sp).PreferCuda, Options(sp).CudaDeviceId));
        services.TryAddSingleton(sp => new SessionPool(
            sp.GetRequiredService<IModelRegistry>(),
            sp.GetRequiredService<ExecutionProviderSelector>(),
            BatchingOptions.From(Options(sp)),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SessionPool>>(),
            sp.GetRequiredService<InferenceMetrics>()));
        services.TryAddSingleton<IInferenceClient, InProcessInferenceClient>();
        services.TryAddSingleton<RiskModelService>();
        services.AddHostedService<RiskModelBootstrapService>();
        return builder;
    }

    private static InferenceOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<InferenceOptions>>().Value;
}
