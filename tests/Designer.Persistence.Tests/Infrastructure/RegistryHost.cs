using Designer.Inference;
using Designer.Inference.ChatModels;
using Designer.Inference.Registry;
using Designer.Inference.Serving;
using Designer.Inference.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Designer.Persistence.Tests.Infrastructure;

/// <summary>
/// One web host's model services (issue 14): its own service provider and data folder, the database of
/// <see cref="TestStorage"/> and the shared model store — two of these on one database are two hosts.
/// </summary>
internal sealed class RegistryHost : IAsyncDisposable
{
    /// <summary>The one endpoint an administrator allowed for chat models in these hosts.</summary>
    public const string ChatEndpoint = "https://llm.internal.example/v1";

    private readonly IHost _host;

    private RegistryHost(IHost host, string dataDirectory)
    {
        _host = host;
        DataDirectory = dataDirectory;
    }

    public string DataDirectory { get; }

    public IModelRegistry Registry => _host.Services.GetRequiredService<IModelRegistry>();

    public IAuditedModelRegistry Audited => _host.Services.GetRequiredService<IAuditedModelRegistry>();

    public IChatModelRegistry Chat => _host.Services.GetRequiredService<IChatModelRegistry>();

    public IAuditedChatModelRegistry AuditedChat => _host.Services.GetRequiredService<IAuditedChatModelRegistry>();

    public IInferenceClient Inference => _host.Services.GetRequiredService<IInferenceClient>();

    public RiskModelService RiskModels => _host.Services.GetRequiredService<RiskModelService>();

    public static RegistryHost Create(TestStorage storage, string dataDirectory, string modelStore)
    {
        var database = storage.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = dataDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Designer:Storage:Provider"] = database.Provider,
            ["Designer:Storage:ConnectionString"] = database.ConnectionString,
            ["Designer:Storage:MigrateOnStart"] = "false",
            ["Designer:Inference:DataDirectory"] = dataDirectory,
            ["Designer:Inference:ModelStore"] = modelStore,
            ["Designer:Inference:BootstrapRiskModel"] = "false",
            ["Designer:Inference:BootstrapPretrainedModels"] = "false",
            ["Designer:Inference:PreferCuda"] = "false",
            ["Designer:ChatModels:AllowedEndpoints:0"] = ChatEndpoint,
        });
        builder.Services.AddLogging();
        builder.AddDesignerPersistence();
        builder.AddDesignerInference();
        builder.UseSharedModelRegistry();
        return new RegistryHost(builder.Build(), dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
