using Designer.Hosting;
using Designer.Inference.Hosting;
using Designer.Inference.Registry;
using Designer.Inference.Remote;
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
    /// file registry, provider selector, session pool, metrics, <see cref="IInferenceClient"/> (in-process, or
    /// <see cref="Remote.RemoteInferenceClient"/> when <c>Designer:Inference:Endpoint</c> is set),
    /// <see cref="RiskModelService"/> and the hosted bootstrap of <c>dispute-risk</c> v1.
    /// </summary>
    /// <returns>The same builder.</returns>
    public static IHostApplicationBuilder AddDesignerInference(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var section = builder.Configuration.GetSection(InferenceOptions.SectionName);
        var configuration = builder.Configuration;
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddOptions<InferenceOptions>().Bind(section)
            .PostConfigure(o => o.DataDirectory = ResolveDataDirectory(
                section[nameof(InferenceOptions.DataDirectory)], configuration[DataDirectory.ConfigurationKey], contentRoot))
            .ValidateOnStart();
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
        if (Uri.TryCreate(section[nameof(InferenceOptions.Endpoint)], UriKind.Absolute, out var endpoint))
        {
            var timeoutMs = int.TryParse(section[nameof(InferenceOptions.RequestTimeoutMs)], out var ms) ? ms : new InferenceOptions().RequestTimeoutMs;
            services.AddRemoteInferenceClient(endpoint, TimeSpan.FromMilliseconds(Math.Max(1, timeoutMs)));
        }

        services.TryAddSingleton<IInferenceClient, InProcessInferenceClient>();
        services.TryAddSingleton<RiskModelService>();
        services.AddHostedService<RiskModelBootstrapService>();
        services.AddHostedService<PretrainedModelBootstrapService>();
        ChatModels.ChatModelServices.AddChatModels(services, configuration, sp => Path.Combine(Options(sp).DataDirectory, "chat-models"));
        return builder;
    }

    /// <summary>
    /// Replaces the per-host file registry with the <see cref="DatabaseModelRegistry"/> (issue 14): rows in the
    /// Designer database (needs <c>AddDesignerPersistence</c>) and files in the shared
    /// <see cref="InferenceOptions.ModelStore"/>; the old <c>&lt;DataDirectory&gt;/models</c> folder is imported on first use.
    /// Also registers it as <see cref="IAuditedModelRegistry"/>, and the chat-model versions likewise as database rows
    /// (<see cref="ChatModels.DatabaseChatModelRegistry"/>, old <c>&lt;DataDirectory&gt;/chat-models</c> imported once). Call after <see cref="AddDesignerInference"/>.
    /// </summary>
    /// <returns>The same builder.</returns>
    public static IHostApplicationBuilder UseSharedModelRegistry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(sp => new ContentAddressedModelStore(
            Path.GetFullPath(Options(sp).ModelStore, Options(sp).DataDirectory)));
        builder.Services.TryAddSingleton(sp => new DatabaseModelRegistry(
            sp.GetRequiredService<Designer.Persistence.IModelVersionStore>(),
            sp.GetRequiredService<ContentAddressedModelStore>(),
            Path.Combine(Options(sp).DataDirectory, "models"),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DatabaseModelRegistry>>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<IModelRegistry>(sp => sp.GetRequiredService<DatabaseModelRegistry>()));
        builder.Services.TryAddSingleton<IAuditedModelRegistry>(sp => sp.GetRequiredService<DatabaseModelRegistry>());

        // Chat-model versions too: rows with their chat-model.* entry in the same transaction, the old folder imported once.
        builder.Services.TryAddSingleton(sp => new ChatModels.DatabaseChatModelRegistry(
            sp.GetRequiredService<Designer.Persistence.IChatModelVersionStore>(),
            Path.Combine(Options(sp).DataDirectory, "chat-models"),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ChatModels.ChatModelOptions>(),
            sp.GetRequiredService<ILogger<ChatModels.DatabaseChatModelRegistry>>()));
        builder.Services.Replace(ServiceDescriptor.Singleton<ChatModels.IChatModelRegistry>(sp => sp.GetRequiredService<ChatModels.DatabaseChatModelRegistry>()));
        builder.Services.TryAddSingleton<ChatModels.IAuditedChatModelRegistry>(sp => sp.GetRequiredService<ChatModels.DatabaseChatModelRegistry>());
        return builder;
    }

    /// <summary>
    /// Resolves where models live: <c>Designer:Inference:DataDirectory</c> when set, else the hosts' shared
    /// <c>Designer:DataDirectory</c> (default <c>data</c>), relative to the content root like the web host's.
    /// </summary>
    internal static string ResolveDataDirectory(string? configured, string? shared, string contentRoot) =>
        DataDirectory.Resolve(string.IsNullOrWhiteSpace(configured) ? shared : configured, contentRoot);

    private static InferenceOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<InferenceOptions>>().Value;
}
